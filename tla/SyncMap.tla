------------------------------ MODULE SyncMap ------------------------------
(***************************************************************************)
(* The C# SyncMap (src/Map/*.cs), Go's read/dirty sync.Map, as threads     *)
(* interleaving at its atomic steps.                                       *)
(*                                                                         *)
(* Granularity.  Each Volatile.Read/Write or Interlocked operation on an   *)
(* entry's slot is one step.  The accesses between two of them that touch  *)
(* only the thread's locals, the immutable dictionary of a published read, *)
(* or state guarded by the lock (_dirty, _misses, and _read read under the *)
(* lock) are folded into the neighbouring step: under the lock nothing     *)
(* else can touch them, so folding them hides no interleaving.  A locked   *)
(* region with no slot operation (Find's slow path, Clear, Range's         *)
(* promotion) is therefore one step that takes and releases the lock; a    *)
(* region with slot operations holds the lock (variable lock) across its   *)
(* steps, and lock-free operations of other threads interleave with them,  *)
(* as in the C# code.                                                      *)
(*                                                                         *)
(* Correctness.  The history variable lin is the set of AtomicMap states   *)
(* that some behaviour of the abstract atomic map, with the same calls,    *)
(* returns and Range visits as this behaviour, can be in now.  Its         *)
(* operations take effect at instants SyncMap does not fix in advance (see *)
(* README.md), so lin keeps every candidate; Linearizable (lin # {}) says  *)
(* one remains.  When no operation is in flight, the map that read, dirty  *)
(* and the slots represent (AbsMap) is the abstract map: lin keeps only    *)
(* the states that agree with it.                                          *)
(*                                                                         *)
(* Bug switches on a seeded mistake (see README.md); "None" is the code.   *)
(* Each name is the seeded bug's patch name in tests/Mutants, in Pascal    *)
(* case (03-expunge-plain-write is ExpungePlainWrite).                      *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS
    Threads, Keys, Values,
    MaxOps,            \* operations each thread performs
    OpKinds,           \* which operations the threads choose among
    JoiningCallbacks,  \* may a Range callback wait for other threads' operations to finish
    Bug,               \* "None", or the name of one seeded bug
    \* model values
    Nil,       \* slot: deleted (C# null)
    Expunged,  \* slot: deleted and left out of dirty (Sentinels.Expunged)
    Free,      \* slot of an entry id that nothing references (no C# counterpart)
    NoEntry,   \* a dictionary without the key
    NoDirty,   \* _dirty == null
    NoThread,  \* nobody holds the lock
    Absent, NoKey, NoOp, NoRes

VARIABLES
    read,     \* _read: [m |-> key -> entry id, amended |-> BOOLEAN]
    dirty,    \* _dirty: key -> entry id, or NoDirty
    misses,   \* _misses
    lock,     \* holder of _mu across a multi-step locked region
    aliased,  \* read.m and dirty are one Dictionary object (only bug PromotionKeepsDirty)
    slot,     \* entry id -> its _slot
    th,       \* thread -> its locals (pc, current operation, ...)
    lin       \* history: the AtomicMap states consistent with the behaviour so far

vars == <<read, dirty, misses, lock, aliased, slot, th, lin>>
shared == <<read, dirty, misses, lock, aliased>>

(* A misspelt Bug would silently model the correct code. *)
Bugs == {"LoadWithoutRecheck", "UnexpungeNotPutBack", "ExpungePlainWrite", "FastSwapIntoExpunged",
         "PromotionKeepsDirty", "PromotionKeepsMisses", "DirtyCopiesExpunged", "DirtyCopiesDeleted",
         "LoadAndDeleteKeepsDirty", "RangeHoldsLock", "StoreFastPathNotAtomic", "LoadOrStoreCheckThenStore",
         "CompareAndSwapWithoutCompareInDirty", "PromotedReadAmended", "ClearKeepsDirty", "SwapRetryStale"}
ASSUME Bug \in Bugs \cup {"None"}

AM == INSTANCE AtomicMap WITH abs <- lin   \* only its state-free operators are used

(* Enough entry ids for every reference the model can hold at once: read, *)
(* the keys only in dirty, each thread's entry, and each Range snapshot    *)
(* (whose entries may be unreachable otherwise).  Fewer ids, smaller states. *)
EntryIds ==
  1 .. (2 * Cardinality(Keys) + Cardinality(Threads)
        + (IF "Range" \in OpKinds THEN Cardinality(Threads) * Cardinality(Keys) ELSE 0))

EmptyMap == [k \in Keys |-> NoEntry]
EmptyRead == [m |-> EmptyMap, amended |-> FALSE]

Live(s) == s \in Values
Prev(s) == IF s = Nil THEN Absent ELSE s   \* a previous slot as Swap and LoadAndDelete report it
InDirty(d, k) == d # NoDirty /\ d[k] # NoEntry
KeysOf(m) == {k \in Keys : m[k] # NoEntry}
DirtyCount(d) == IF d = NoDirty THEN 0 ELSE Cardinality(KeysOf(d))

(* ---- Thread locals ---- *)

ThreadIdle(n) ==
  [pc |-> IF n < MaxOps THEN "Idle" ELSE "Done", op |-> NoOp, n |-> n,
   e |-> NoEntry,     \* the entry the operation acts on
   p |-> Nil,         \* the slot value last read from it
   cur |-> NoKey,     \* key being copied by DirtyLocked, or visited by Range
   todo |-> {},       \* keys DirtyLocked or Range has still to go through
   nd |-> EmptyMap,   \* the dictionary DirtyLocked is building
   rmap |-> EmptyMap, \* the read dictionary Range iterates
   miss |-> FALSE]    \* a MissLocked ends this locked region

(* ---- Entries: allocation, and forgetting ids nothing references ---- *)

Refs(r, d, ts) ==
  ( {r.m[k] : k \in Keys}
    \cup (IF d = NoDirty THEN {} ELSE {d[k] : k \in Keys})
    \cup {ts[t].e : t \in Threads}
    \cup {ts[t].nd[k] : t \in Threads, k \in Keys}
    \cup {ts[t].rmap[k] : t \in Threads, k \in Keys} ) \ {NoEntry}

(* An id to allocate (new Entry); TLC reports an error if none is left.    *)
NewEntry == CHOOSE e \in EntryIds : e \notin Refs(read, dirty, th)

(* Unreferenced ids get slot Free, so that garbage does not tell states    *)
(* apart.  Every step ends with slot' = Tidy(...), after read', dirty', th'. *)
Tidy(s) == LET R == Refs(read', dirty', th') IN [e \in EntryIds |-> IF e \in R THEN s[e] ELSE Free]

(* ---- The abstract map the state represents when nothing is in flight ---- *)

(* What Load would return for each key: Find, then TryLoad. *)
AbsMapOf(r, d, s) ==
  [k \in Keys |->
     LET e == IF r.m[k] # NoEntry THEN r.m[k]
              ELSE IF r.amended /\ InDirty(d, k) THEN d[k] ELSE NoEntry
     IN IF e # NoEntry /\ Live(s[e]) THEN s[e] ELSE Absent]

AbsMap == AbsMapOf(read, dirty, slot)

(* ---- The history variable lin ---- *)

(* The states one more pending operation taking effect leads to. *)
LinStep(L) == UNION {{AM!Lin(s, t) : t \in {u \in Threads : AM!CanLin(s, u)}} : s \in L}

RECURSIVE LinFrom(_, _)
(* All, new: L closed under "some pending operation takes effect", where  *)
(* only the states in new may still have successors not in all.  Each     *)
(* round takes effect one more operation, so it ends after |Threads|.     *)
LinFrom(all, new) == IF new = {} THEN all ELSE LET n == LinStep(new) \ all IN LinFrom(all \cup n, n)

Closure(L) == LinFrom(L, L)

(* A call: the operation may take effect at any later instant. *)
CallL(L, t, o) == Closure({AM!Call(s, t, o) : s \in L})

(* A return with result r; afterwards, if nothing is in flight, keep only  *)
(* the states whose map is the one the SyncMap state represents.           *)
Settle(L) ==
  IF \A u \in Threads : th'[u].pc \in {"Idle", "Done"}
  THEN {s \in L : s.map = AbsMapOf(read', dirty', slot')}
  ELSE L

RetL(L, t, r) ==
  Settle(IF th[t].op.kind = "Range"
         THEN {AM!Return(s, t) : s \in {x \in L : AM!CanReturnRange(x, t)}}
         ELSE {AM!Return(s, t) : s \in {x \in L : AM!CanReturn(x, t, r)}})

VisitL(L, t, k, v) == {AM!Visit(s, t, k) : s \in {x \in L : AM!CanVisit(x, t, k, v)}}

(* Store is Swap and Delete is LoadAndDelete with the result dropped. *)
Reply(o, raw) == IF o.kind \in {"Store", "Delete"} THEN "ok" ELSE raw

(* ---- Step building blocks ---- *)

Key(t) == th[t].op.key

(* Continue with locals me2 (shared state and lin unchanged). *)
Go(t, me2) == th' = [th EXCEPT ![t] = me2]

(* The operation returns raw; its locals reset. *)
Finish(t) == th' = [th EXCEPT ![t] = ThreadIdle(th[t].n + 1)]
Returns(t, raw) == lin' = RetL(lin, t, Reply(th[t].op, raw))

(* A null dereference in C# (_dirty! when _dirty is null): the thread     *)
(* stops, and invariant NoNullDereference fails.                           *)
Fault(t) ==
  /\ th' = [th EXCEPT ![t].pc = "Faulted"]
  /\ UNCHANGED <<shared, lin>>
  /\ slot' = Tidy(slot)

SetShared(x) == read' = x.read /\ dirty' = x.dirty /\ misses' = x.misses /\ aliased' = x.aliased
SharedNow == [read |-> read, dirty |-> dirty, misses |-> misses, aliased |-> aliased]

(* SyncMap.Locked.cs MissLocked, with dirty as the locked region left it:  *)
(* once the misses reach dirty's count, dirty becomes the new read.        *)
MissLocked(d) ==
  IF misses + 1 < DirtyCount(d)
  THEN [read |-> read, dirty |-> d, misses |-> misses + 1, aliased |-> aliased]
  ELSE [read    |-> [m |-> d, amended |-> Bug = "PromotedReadAmended"],
        dirty   |-> IF Bug = "PromotionKeepsDirty" THEN d ELSE NoDirty,
        misses  |-> IF Bug = "PromotionKeepsMisses" THEN misses + 1 ELSE 0,
        aliased |-> Bug = "PromotionKeepsDirty"]

(* Leaving a multi-step locked region: MissLocked if the region needs it. *)
Release(t) ==
  /\ SetShared(IF th[t].miss THEN MissLocked(dirty) ELSE SharedNow)
  /\ lock' = NoThread

(* Leave the region if t holds the lock (the same entry code runs with and *)
(* without it).                                                            *)
UnlockIfHeld(t) == IF lock = t THEN Release(t) ELSE UNCHANGED shared

(* The last step of LoadOrStore and CompareAndSwap, whose entry code runs  *)
(* with or without the lock: slot s2 after it, result r.  When the region  *)
(* ends with a MissLocked that promotes dirty, the C# code publishes the   *)
(* new read (PromoteLocked's Volatile.Write) after the slot operation, and *)
(* other threads' lock-free steps can see read between the two: the        *)
(* promotion and the release are then a step of their own, Unlock.  The    *)
(* result is fixed by the slot operation, so the operation returns here.   *)
Leave(t, s2, r) ==
  IF lock = t /\ th[t].miss /\ ~(misses + 1 < DirtyCount(dirty))
  THEN UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.pc = "Unlock"]) /\ slot' = Tidy(s2) /\ Returns(t, r)
  ELSE UnlockIfHeld(t) /\ Finish(t) /\ slot' = Tidy(s2) /\ Returns(t, r)

(* Leave's separate end: MissLocked's promotion, then the release. *)
Unlock(t) ==
  /\ th[t].pc = "Unlock"
  /\ Release(t)
  /\ Finish(t)
  /\ slot' = Tidy(slot)
  /\ lin' = Settle(lin)

(* ======================================================================= *)
(* First step of every operation: the call, and LoadReadOnly() with the    *)
(* lookup in the immutable read dictionary that follows it.                *)
(* ======================================================================= *)

FindKinds == {"Load", "LoadAndDelete", "Delete", "CompareAndDelete"}

(* The entry operation that follows Find. *)
AfterFind(o) ==
  CASE o.kind = "Load" -> "LoadSlot"
    [] o.kind \in {"LoadAndDelete", "Delete"} -> "DelRead"
    [] o.kind = "CompareAndDelete" -> "CadRead"

(* What an operation on an existing key returns when Find finds no entry. *)
NotFound(o) ==
  CASE o.kind \in {"Load", "LoadAndDelete", "Delete"} -> Absent
    [] o.kind = "CompareAndDelete" -> FALSE

(* The operation's first pc after the call, given read. *)
FirstPc(o) ==
  LET e == IF o.kind \in {"Range", "Clear"} THEN NoEntry ELSE read.m[o.key] IN
  CASE o.kind \in FindKinds ->
         IF e # NoEntry THEN AfterFind(o)
         ELSE IF ~read.amended THEN "Return"
         ELSE "FindLocked"
    [] o.kind \in {"Store", "Swap"} -> IF e # NoEntry THEN "SwapRead" ELSE "SwapLocked"
    [] o.kind = "LoadOrStore" -> IF e # NoEntry THEN "LosRead" ELSE "LosLocked"
    [] o.kind = "CompareAndSwap" ->
         IF e # NoEntry THEN "CasRead" ELSE IF ~read.amended THEN "Return" ELSE "CasLocked"
    [] o.kind = "Range" ->
         IF read.amended \/ Bug = "RangeHoldsLock" THEN "RangeLocked" ELSE "RangeNext"
    [] o.kind = "Clear" -> IF read = EmptyRead THEN "Return" ELSE "ClearLocked"

(* What the operation returns when it returns in its first step. *)
FirstResult(o) ==
  CASE o.kind \in FindKinds -> NotFound(o)
    [] o.kind = "CompareAndSwap" -> FALSE
    [] o.kind = "Clear" -> "ok"

(* The call of operation o by thread t.  Begin chooses o; the trace        *)
(* validation module (SyncMapTrace.tla) takes it from the recorded call.   *)
BeginOp(t, o) ==
  /\ th[t].pc = "Idle"
  /\ LET pc2 == FirstPc(o)
         L   == CallL(lin, t, o)
     IN /\ UNCHANGED shared
        /\ IF pc2 = "Return"
           THEN /\ th' = [th EXCEPT ![t] = ThreadIdle(th[t].n + 1)]
                /\ slot' = Tidy(slot)
                /\ lin' = Settle({AM!Return(s, t) :
                                  s \in {x \in L : AM!CanReturn(x, t, Reply(o, FirstResult(o)))}})
           ELSE /\ th' = [th EXCEPT ![t] =
                           [th[t] EXCEPT !.pc = pc2, !.op = o,
                                         !.e = IF o.kind \in {"Range", "Clear"} THEN NoEntry
                                               ELSE read.m[o.key],
                                         \* Range on a read that is not amended: iterate it.
                                         !.rmap = IF pc2 = "RangeNext" THEN read.m ELSE EmptyMap,
                                         !.todo = IF pc2 = "RangeNext" THEN KeysOf(read.m) ELSE {}]]
                /\ slot' = Tidy(slot)
                /\ lin' = L

Begin(t) == \E o \in AM!Ops : BeginOp(t, o)

(* ======================================================================= *)
(* Find's slow path (SyncMap.Locked.cs Find): one locked region, no slot   *)
(* operation.  Re-checks read (dirty may have been promoted meanwhile),    *)
(* else takes the entry from dirty (removing it for LoadAndDelete and      *)
(* Delete, Go issue 40999) and counts a miss.                              *)
(* ======================================================================= *)

FindLocked(t) ==
  LET o == th[t].op
      k == o.key
      remove == o.kind \in {"LoadAndDelete", "Delete"} /\ Bug # "LoadAndDeleteKeepsDirty"
      \* Bug LoadWithoutRecheck acts on the read it saw before taking the lock: k absent, amended.
      inRead == Bug # "LoadWithoutRecheck" /\ (read.m[k] # NoEntry \/ ~read.amended)
  IN
  /\ th[t].pc = "FindLocked"
  /\ lock = NoThread
  /\ IF inRead
     THEN LET e == read.m[k] IN
          /\ UNCHANGED shared
          /\ IF e = NoEntry
             THEN Finish(t) /\ slot' = Tidy(slot) /\ Returns(t, NotFound(o))
             ELSE Go(t, [th[t] EXCEPT !.pc = AfterFind(o), !.e = e]) /\ slot' = Tidy(slot)
                  /\ UNCHANGED lin
     ELSE IF dirty = NoDirty THEN Fault(t)
     ELSE LET e == dirty[k]
              d == IF remove THEN [dirty EXCEPT ![k] = NoEntry] ELSE dirty
          IN /\ SetShared(MissLocked(d))
             /\ UNCHANGED lock
             /\ IF e = NoEntry
                THEN Finish(t) /\ slot' = Tidy(slot) /\ Returns(t, NotFound(o))
                ELSE Go(t, [th[t] EXCEPT !.pc = AfterFind(o), !.e = e]) /\ slot' = Tidy(slot)
                     /\ UNCHANGED lin

(* ======================================================================= *)
(* Entry operations after Find (Entry.cs).                                 *)
(* ======================================================================= *)

(* Load: Entry.TryLoad, one Volatile.Read. *)
LoadSlot(t) ==
  LET s == slot[th[t].e] IN
  /\ th[t].pc = "LoadSlot"
  /\ UNCHANGED shared
  /\ Finish(t)
  /\ slot' = Tidy(slot)
  /\ Returns(t, IF Live(s) THEN s ELSE Absent)

(* LoadAndDelete, Delete: Entry.TryDelete, read then CAS live -> nil. *)
DelRead(t) ==
  LET p == slot[th[t].e] IN
  /\ th[t].pc = "DelRead"
  /\ UNCHANGED shared
  /\ IF Live(p)
     THEN Go(t, [th[t] EXCEPT !.pc = "DelCas", !.p = p]) /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE Finish(t) /\ slot' = Tidy(slot) /\ Returns(t, Absent)

DelCas(t) ==
  LET e == th[t].e
      w == slot[e]   \* the witness of the CompareExchange
  IN
  /\ th[t].pc = "DelCas"
  /\ UNCHANGED shared
  /\ IF w = th[t].p
     THEN Finish(t) /\ slot' = Tidy([slot EXCEPT ![e] = Nil]) /\ Returns(t, w)
     ELSE IF Live(w)
     THEN Go(t, [th[t] EXCEPT !.p = w]) /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE Finish(t) /\ slot' = Tidy(slot) /\ Returns(t, Absent)

(* CompareAndDelete: Entry.TryCompareAndDelete. *)
CadRead(t) ==
  LET p == slot[th[t].e] IN
  /\ th[t].pc = "CadRead"
  /\ UNCHANGED shared
  /\ IF Live(p) /\ p = th[t].op.old
     THEN Go(t, [th[t] EXCEPT !.pc = "CadCas", !.p = p]) /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE Finish(t) /\ slot' = Tidy(slot) /\ Returns(t, FALSE)

CadCas(t) ==
  LET e == th[t].e
      w == slot[e]
  IN
  /\ th[t].pc = "CadCas"
  /\ UNCHANGED shared
  /\ IF w = th[t].p
     THEN Finish(t) /\ slot' = Tidy([slot EXCEPT ![e] = Nil]) /\ Returns(t, TRUE)
     ELSE IF Live(w) /\ w = th[t].op.old
     THEN Go(t, [th[t] EXCEPT !.p = w]) /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE Finish(t) /\ slot' = Tidy(slot) /\ Returns(t, FALSE)

(* ======================================================================= *)
(* AddToDirtyLocked and DirtyLocked (SyncMap.Locked.cs): add a key that    *)
(* neither map holds.  The first such key since a promotion builds dirty   *)
(* from read, expunging deleted entries one CAS at a time while lock-free  *)
(* stores race with it, so that loop holds the lock across steps.          *)
(* ======================================================================= *)

(* What Store, Swap and LoadOrStore return after adding the key. *)
Added(o) == IF o.kind = "LoadOrStore" THEN <<o.val, FALSE>> ELSE Absent

(* The end of AddToDirtyLocked: publish an amended read if needed, put a   *)
(* new entry for the key into dirty d, release the lock, return.           *)
AddEntry(t, d) ==
  LET o == th[t].op
      n == NewEntry
  IN /\ read' = IF read.amended THEN read ELSE [m |-> read.m, amended |-> TRUE]
     /\ dirty' = [d EXCEPT ![o.key] = n]
     /\ UNCHANGED <<misses, aliased>>
     /\ lock' = NoThread
     /\ Finish(t)
     /\ slot' = Tidy([slot EXCEPT ![n] = o.val])
     /\ Returns(t, Added(o))

(* Called with the lock taken in this step or held already. *)
AddToDirtyLocked(t) ==
  IF ~read.amended /\ dirty = NoDirty
  THEN \* DirtyLocked: copy read, entry by entry.
       /\ lock' = t
       /\ UNCHANGED <<read, dirty, misses, aliased>>
       /\ Go(t, [th[t] EXCEPT !.pc = "DirtyNext", !.e = NoEntry, !.todo = KeysOf(read.m),
                              !.nd = EmptyMap])
       /\ slot' = Tidy(slot)
       /\ UNCHANGED lin
  ELSE IF dirty = NoDirty THEN Fault(t)   \* amended without dirty: _dirty! throws
  ELSE AddEntry(t, dirty)

(* One key of DirtyLocked's loop: Entry.TryExpungeLocked's Volatile.Read.  *)
DirtyNext(t) ==
  /\ th[t].pc = "DirtyNext"
  /\ IF th[t].todo = {}
     THEN AddEntry(t, th[t].nd)   \* _dirty = dirty, then AddToDirtyLocked's tail
     ELSE \E j \in th[t].todo :
            LET e == read.m[j]
                p == slot[e]
                copy == [th[t].nd EXCEPT ![j] = e]
            IN /\ UNCHANGED shared
               /\ IF p = Nil /\ Bug # "DirtyCopiesDeleted"
                  THEN Go(t, [th[t] EXCEPT !.pc = IF Bug = "ExpungePlainWrite" THEN "DirtyWrite"
                                                  ELSE "DirtyCas",
                                           !.e = e, !.cur = j])
                  ELSE IF p = Nil \* Bug DirtyCopiesDeleted: copied, never expunged
                  THEN Go(t, [th[t] EXCEPT !.todo = @ \ {j}, !.nd = copy])
                  ELSE IF p = Expunged
                  THEN Go(t, [th[t] EXCEPT !.todo = @ \ {j},
                                           !.nd = IF Bug = "DirtyCopiesExpunged" THEN copy ELSE @])
                  ELSE Go(t, [th[t] EXCEPT !.todo = @ \ {j}, !.nd = copy])
               /\ slot' = Tidy(slot)
               /\ UNCHANGED lin

(* TryExpungeLocked's CompareExchange(expunged, null): a lock-free store   *)
(* may have revived the entry since the read, and then it is copied.       *)
DirtyCas(t) ==
  LET e == th[t].e
      j == th[t].cur
      w == slot[e]
      next == [th[t] EXCEPT !.pc = "DirtyNext", !.e = NoEntry, !.cur = NoKey, !.todo = @ \ {j}]
  IN
  /\ th[t].pc = "DirtyCas"
  /\ UNCHANGED shared
  /\ UNCHANGED lin
  /\ IF w = Nil \/ w = Expunged
     THEN /\ Go(t, [next EXCEPT !.nd = IF Bug = "DirtyCopiesExpunged" THEN [@ EXCEPT ![j] = e] ELSE @])
          /\ slot' = Tidy([slot EXCEPT ![e] = Expunged])
     ELSE /\ Go(t, [next EXCEPT !.nd = [@ EXCEPT ![j] = e]])
          /\ slot' = Tidy(slot)

(* Bug ExpungePlainWrite: a plain write of expunged where the CAS belongs. *)
DirtyWrite(t) ==
  LET e == th[t].e IN
  /\ th[t].pc = "DirtyWrite"
  /\ UNCHANGED shared
  /\ UNCHANGED lin
  /\ Go(t, [th[t] EXCEPT !.pc = "DirtyNext", !.e = NoEntry, !.cur = NoKey, !.todo = @ \ {th[t].cur}])
  /\ slot' = Tidy([slot EXCEPT ![e] = Expunged])

(* ======================================================================= *)
(* Store and Swap (SyncMap.Writes.cs SwapWrapped).                         *)
(* ======================================================================= *)

(* Fast path, Entry.TrySwap: read; give up to the slow path if expunged.  *)
(* When the slot already holds the very value to store (the same reference *)
(* or bits), the code returns at this read: the step log then records     *)
(* SwapRead and, with no step between, a SwapCas that writes the value    *)
(* the slot holds, which is this pair of actions taken back to back.      *)
SwapRead(t) ==
  LET p == slot[th[t].e] IN
  /\ th[t].pc = "SwapRead"
  /\ UNCHANGED shared
  /\ IF p = Expunged /\ Bug # "FastSwapIntoExpunged"
     THEN Go(t, [th[t] EXCEPT !.pc = "SwapLocked", !.e = NoEntry])
     ELSE Go(t, [th[t] EXCEPT !.pc = "SwapCas", !.p = p])
  /\ slot' = Tidy(slot)
  /\ UNCHANGED lin

(* TrySwap's CompareExchange(wrapped, p), retried with the witness. *)
SwapCas(t) ==
  LET e == th[t].e
      w == slot[e]
      v == th[t].op.val
  IN
  /\ th[t].pc = "SwapCas"
  /\ UNCHANGED shared
  /\ IF Bug = "StoreFastPathNotAtomic"   \* a Volatile.Write after the check
     THEN Finish(t) /\ slot' = Tidy([slot EXCEPT ![e] = v]) /\ Returns(t, Prev(th[t].p))
     ELSE IF w = th[t].p
     THEN Finish(t) /\ slot' = Tidy([slot EXCEPT ![e] = v]) /\ Returns(t, Prev(w))
     ELSE IF w = Expunged /\ Bug # "FastSwapIntoExpunged"
     THEN Go(t, [th[t] EXCEPT !.pc = "SwapLocked", !.e = NoEntry]) /\ slot' = Tidy(slot)
          /\ UNCHANGED lin
     ELSE \* retry with the witness (bug SwapRetryStale: with the stale p, forever)
          Go(t, [th[t] EXCEPT !.p = IF Bug = "SwapRetryStale" THEN @ ELSE w]) /\ slot' = Tidy(slot)
          /\ UNCHANGED lin

(* Slow path: lock, re-check read, then dirty, else add the key. *)
SwapLocked(t) ==
  LET k == Key(t) IN
  /\ th[t].pc = "SwapLocked"
  /\ lock = NoThread
  /\ IF read.m[k] # NoEntry
     THEN /\ lock' = t
          /\ UNCHANGED <<read, dirty, misses, aliased>>
          /\ Go(t, [th[t] EXCEPT !.pc = "SwapUnexpunge", !.e = read.m[k]])
          /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE IF InDirty(dirty, k)
     THEN /\ lock' = t
          /\ UNCHANGED <<read, dirty, misses, aliased>>
          /\ Go(t, [th[t] EXCEPT !.pc = "SwapExchange", !.e = dirty[k]])
          /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE AddToDirtyLocked(t)

(* Entry.UnexpungeLocked's CAS, then _dirty[key] = e (Store, Swap and     *)
(* LoadOrStore).                                                           *)
Unexpunge(t) ==
  LET e == th[t].e
      k == Key(t)
      next == IF th[t].pc = "SwapUnexpunge" THEN "SwapExchange" ELSE "LosRead"
      forget == Bug = "UnexpungeNotPutBack" /\ th[t].op.kind \in {"Store", "Swap"}
  IN
  /\ th[t].pc \in {"SwapUnexpunge", "LosUnexpunge"}
  /\ IF slot[e] # Expunged
     THEN UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.pc = next]) /\ slot' = Tidy(slot)
          /\ UNCHANGED lin
     ELSE IF forget
     THEN UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.pc = next])
          /\ slot' = Tidy([slot EXCEPT ![e] = Nil]) /\ UNCHANGED lin
     ELSE IF dirty = NoDirty THEN Fault(t)
     ELSE /\ dirty' = [dirty EXCEPT ![k] = e]
          /\ UNCHANGED <<read, misses, lock, aliased>>
          /\ Go(t, [th[t] EXCEPT !.pc = next])
          /\ slot' = Tidy([slot EXCEPT ![e] = Nil])
          /\ UNCHANGED lin

(* Entry.SwapLocked: Interlocked.Exchange, then release the lock. *)
SwapExchange(t) ==
  LET e == th[t].e IN
  /\ th[t].pc = "SwapExchange"
  /\ Release(t)
  /\ Finish(t)
  /\ slot' = Tidy([slot EXCEPT ![e] = th[t].op.val])
  /\ Returns(t, Prev(slot[e]))

(* ======================================================================= *)
(* LoadOrStore (SyncMap.Writes.cs) and Entry.TryLoadOrStore.               *)
(* ======================================================================= *)

(* What TryLoadOrStore reports from slot value p when it does not store:  *)
(* under the lock the C# code ignores its false return and returns         *)
(* (default, false).                                                       *)
Loaded(p) == IF p = Expunged THEN <<Absent, FALSE>> ELSE <<p, TRUE>>

(* TryLoadOrStore's Volatile.Read; without the lock, expunged means: take *)
(* the slow path.                                                          *)
LosRead(t) ==
  LET p == slot[th[t].e] IN
  /\ th[t].pc = "LosRead"
  /\ IF p = Nil
     THEN UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.pc = "LosCas"]) /\ slot' = Tidy(slot)
          /\ UNCHANGED lin
     ELSE IF p = Expunged /\ lock # t
     THEN UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.pc = "LosLocked", !.e = NoEntry])
          /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE Leave(t, slot, Loaded(p))

(* TryLoadOrStore's CompareExchange(wrapped, null); its witness decides. *)
LosCas(t) ==
  LET e == th[t].e
      w == slot[e]
      v == th[t].op.val
  IN
  /\ th[t].pc = "LosCas"
  /\ IF w = Nil
     THEN Leave(t, [slot EXCEPT ![e] = v], <<v, FALSE>>)
     ELSE IF w = Expunged /\ lock # t
     THEN UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.pc = "LosLocked", !.e = NoEntry])
          /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE Leave(t, slot, Loaded(w))

LosLocked(t) ==
  LET k == Key(t) IN
  /\ th[t].pc = "LosLocked"
  /\ lock = NoThread
  /\ IF read.m[k] # NoEntry
     THEN /\ lock' = t
          /\ UNCHANGED <<read, dirty, misses, aliased>>
          /\ Go(t, [th[t] EXCEPT !.pc = "LosUnexpunge", !.e = read.m[k], !.miss = FALSE])
          /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE IF InDirty(dirty, k)
     THEN /\ lock' = t
          /\ UNCHANGED <<read, dirty, misses, aliased>>
          /\ Go(t, [th[t] EXCEPT !.pc = "LosRead", !.e = dirty[k], !.miss = TRUE])
          /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE IF Bug = "LoadOrStoreCheckThenStore"
     THEN \* checked under one lock, stores under another without checking again
          UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.pc = "LosAdd"]) /\ slot' = Tidy(slot)
          /\ UNCHANGED lin
     ELSE AddToDirtyLocked(t)

LosAdd(t) ==
  /\ th[t].pc = "LosAdd"
  /\ lock = NoThread
  /\ AddToDirtyLocked(t)

(* ======================================================================= *)
(* CompareAndSwap (SyncMap.Writes.cs) and Entry.TryCompareAndSwap.         *)
(* ======================================================================= *)

CasRead(t) ==
  LET p == slot[th[t].e] IN
  /\ th[t].pc = "CasRead"
  /\ IF Live(p) /\ p = th[t].op.old
     THEN UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.pc = "CasCas", !.p = p]) /\ slot' = Tidy(slot)
          /\ UNCHANGED lin
     ELSE Leave(t, slot, FALSE)

CasCas(t) ==
  LET e == th[t].e
      w == slot[e]
  IN
  /\ th[t].pc = "CasCas"
  /\ IF w = th[t].p
     THEN Leave(t, [slot EXCEPT ![e] = th[t].op.val], TRUE)
     ELSE IF Live(w) /\ w = th[t].op.old
     THEN UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.p = w]) /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE Leave(t, slot, FALSE)

CasLocked(t) ==
  LET k == Key(t) IN
  /\ th[t].pc = "CasLocked"
  /\ lock = NoThread
  /\ IF read.m[k] # NoEntry
     THEN /\ lock' = t
          /\ UNCHANGED <<read, dirty, misses, aliased>>
          /\ Go(t, [th[t] EXCEPT !.pc = "CasRead", !.e = read.m[k], !.miss = FALSE])
          /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE IF InDirty(dirty, k) /\ Bug = "CompareAndSwapWithoutCompareInDirty"
     THEN \* swaps without comparing, then counts the miss
          /\ SetShared(MissLocked(dirty))
          /\ UNCHANGED lock
          /\ Finish(t)
          /\ slot' = Tidy([slot EXCEPT ![dirty[k]] = th[t].op.val])
          /\ Returns(t, TRUE)
     ELSE IF InDirty(dirty, k)
     THEN /\ lock' = t
          /\ UNCHANGED <<read, dirty, misses, aliased>>
          /\ Go(t, [th[t] EXCEPT !.pc = "CasRead", !.e = dirty[k], !.miss = TRUE])
          /\ slot' = Tidy(slot) /\ UNCHANGED lin
     ELSE UNCHANGED shared /\ Finish(t) /\ slot' = Tidy(slot) /\ Returns(t, FALSE)

(* ======================================================================= *)
(* Range (SyncMap.cs Range, SyncMap.Locked.cs ReadForRange) and Clear.     *)
(* ======================================================================= *)

(* ReadForRange's locked region: promote an amended dirty, so that Range  *)
(* misses no key.  Bug RangeHoldsLock keeps the lock for the iteration.    *)
RangeLocked(t) ==
  /\ th[t].pc = "RangeLocked"
  /\ lock = NoThread
  /\ IF read.amended /\ dirty = NoDirty
     THEN Fault(t)
     ELSE LET r == IF read.amended THEN [m |-> dirty, amended |-> FALSE] ELSE read IN
          /\ read' = r
          /\ dirty' = IF read.amended THEN NoDirty ELSE dirty
          /\ misses' = IF read.amended THEN 0 ELSE misses
          /\ UNCHANGED aliased
          /\ lock' = IF Bug = "RangeHoldsLock" THEN t ELSE NoThread
          /\ Go(t, [th[t] EXCEPT !.pc = "RangeNext", !.rmap = r.m, !.todo = KeysOf(r.m)])
          /\ slot' = Tidy(slot)
          /\ UNCHANGED lin

(* One key of the foreach, in any order: Entry.TryLoad. *)
RangeNext(t) ==
  /\ th[t].pc = "RangeNext"
  /\ IF th[t].todo = {}
     THEN /\ IF lock = t THEN lock' = NoThread ELSE UNCHANGED lock
          /\ UNCHANGED <<read, dirty, misses, aliased>>
          /\ Finish(t) /\ slot' = Tidy(slot) /\ Returns(t, "ok")
     ELSE \E j \in th[t].todo :
            LET s == slot[th[t].rmap[j]] IN
            /\ UNCHANGED shared
            /\ IF Live(s)
               THEN Go(t, [th[t] EXCEPT !.pc = "RangeVisit", !.cur = j, !.p = s])
               ELSE Go(t, [th[t] EXCEPT !.todo = @ \ {j}])
            /\ slot' = Tidy(slot)
            /\ UNCHANGED lin

(* The callback visit(key, value).  With JoiningCallbacks it may first     *)
(* wait for the other threads' operations to finish (as a callback that    *)
(* joins a task storing into the map would); it never waits for another   *)
(* Range, whose callbacks might wait for it.                               *)
Visited(t) ==
  /\ UNCHANGED shared
  /\ Go(t, [th[t] EXCEPT !.pc = "RangeNext", !.todo = @ \ {th[t].cur}, !.cur = NoKey, !.p = Nil])
  /\ slot' = Tidy(slot)
  /\ lin' = VisitL(lin, t, th[t].cur, th[t].p)

RangeVisit(t) ==
  /\ th[t].pc = "RangeVisit"
  /\ \/ Visited(t)
     \/ /\ JoiningCallbacks
        /\ UNCHANGED shared /\ Go(t, [th[t] EXCEPT !.pc = "RangeJoin"]) /\ slot' = Tidy(slot)
        /\ UNCHANGED lin

RangeJoin(t) ==
  /\ th[t].pc = "RangeJoin"
  /\ \A u \in Threads \ {t} :
       IF th[u].pc \in {"Idle", "Done"} THEN TRUE ELSE th[u].op.kind = "Range"
  /\ Visited(t)

(* Clear's locked region: publish an empty read, drop dirty, reset misses  *)
(* (bug ClearKeepsDirty: keep dirty).                                       *)
ClearLocked(t) ==
  /\ th[t].pc = "ClearLocked"
  /\ lock = NoThread
  /\ read' = EmptyRead
  /\ dirty' = IF Bug = "ClearKeepsDirty" THEN dirty ELSE NoDirty
  /\ misses' = 0
  /\ UNCHANGED <<lock, aliased>>
  /\ Finish(t)
  /\ slot' = Tidy(slot)
  /\ Returns(t, "ok")

(* ======================================================================= *)
(* The specification.                                                      *)
(* ======================================================================= *)

Init ==
  /\ read = EmptyRead
  /\ dirty = NoDirty
  /\ misses = 0
  /\ lock = NoThread
  /\ aliased = FALSE
  /\ slot = [e \in EntryIds |-> Free]
  /\ th = [t \in Threads |-> ThreadIdle(0)]
  /\ lin = {AM!InitState}

Step(t) ==
  \/ Begin(t)
  \/ FindLocked(t) \/ LoadSlot(t) \/ DelRead(t) \/ DelCas(t) \/ CadRead(t) \/ CadCas(t)
  \/ SwapRead(t) \/ SwapCas(t) \/ SwapLocked(t) \/ Unexpunge(t) \/ SwapExchange(t)
  \/ DirtyNext(t) \/ DirtyCas(t) \/ DirtyWrite(t)
  \/ LosRead(t) \/ LosCas(t) \/ LosLocked(t) \/ LosAdd(t)
  \/ CasRead(t) \/ CasCas(t) \/ CasLocked(t) \/ Unlock(t)
  \/ RangeLocked(t) \/ RangeNext(t) \/ RangeVisit(t) \/ RangeJoin(t)
  \/ ClearLocked(t)

AllDone == \A t \in Threads : th[t].pc = "Done"

(* Every thread has performed its operations: the behaviour stutters. *)
Terminated == AllDone /\ UNCHANGED vars

Next == (\E t \in Threads : Step(t)) \/ Terminated

Spec == Init /\ [][Next]_vars /\ \A t \in Threads : WF_vars(Step(t))

(* ======================================================================= *)
(* Properties.                                                             *)
(* ======================================================================= *)

Slots == Values \cup {Nil, Expunged, Free}
Dict == [Keys -> EntryIds \cup {NoEntry}]

TypeOK ==
  /\ read \in [m : Dict, amended : BOOLEAN]
  /\ dirty \in Dict \cup {NoDirty}
  /\ misses \in Nat
  /\ lock \in Threads \cup {NoThread}
  /\ aliased \in BOOLEAN
  /\ slot \in [EntryIds -> Slots]
  /\ LET R == Refs(read, dirty, th) IN \A e \in EntryIds : (slot[e] = Free) <=> (e \notin R)
  /\ \A t \in Threads : th[t].n \in 0 .. MaxOps /\ th[t].op \in AM!Ops \cup {NoOp}

(* The abstract map: some linearisation explains every result so far. *)
Linearizable == lin # {}

NoNullDereference == \A t \in Threads : th[t].pc # "Faulted"

(* The design's invariants, as SyncMap.CheckInvariants checks them: under *)
(* the lock, so in states where no thread is inside a locked region.       *)
Quiet == lock = NoThread

(* Entry invariants, for each entry reachable from read. *)
ExpungedOnlyOutsideDirty ==
  Quiet => \A k \in Keys : read.m[k] # NoEntry /\ slot[read.m[k]] = Expunged =>
                            dirty # NoDirty /\ dirty[k] = NoEntry
NilEntryInDirty ==
  Quiet => \A k \in Keys : read.m[k] # NoEntry /\ slot[read.m[k]] = Nil =>
                            dirty = NoDirty \/ dirty[k] = read.m[k]
LiveEntryInDirty ==
  Quiet => \A k \in Keys : read.m[k] # NoEntry /\ Live(slot[read.m[k]]) =>
                            dirty = NoDirty \/ dirty[k] = read.m[k]

(* Structure (SyncMap.Invariants.cs CheckStructureLocked and the loop over *)
(* dirty).                                                                 *)
DirtyHoldsNoExpunged ==
  Quiet => \A k \in Keys : InDirty(dirty, k) => slot[dirty[k]] # Expunged
AmendedIffDirtyHasMore ==
  Quiet => /\ read.amended => dirty # NoDirty
           /\ \A k \in Keys : InDirty(dirty, k) /\ read.m[k] = NoEntry => read.amended
MissesResetWithoutDirty == Quiet => (dirty = NoDirty => misses = 0)
MissesBelowDirtyCount == Quiet => (dirty # NoDirty /\ misses # 0 => misses < DirtyCount(dirty))
ReadAndDirtyDistinct == ~aliased

(* Deleted keys leave dirty (Go issue 40999): only CompareAndDelete, which *)
(* must keep the entry to compare with, leaves a deleted entry in dirty    *)
(* for a key read lacks; so without it, no such entry ever exists.         *)
DeletedKeysLeaveDirty ==
  "CompareAndDelete" \notin OpKinds =>
     \A k \in Keys : ~(read.m[k] = NoEntry /\ InDirty(dirty, k) /\ slot[dirty[k]] = Nil)

(* A key deleted while in read is left out of the next dirty (expunged),  *)
(* so the promotion after that drops it: building dirty copies no deleted  *)
(* entry.  This is what bounds what the map retains; the bound itself      *)
(* (reachable entries stay within the live keys plus one, over any number  *)
(* of delete/promote rounds) needs more rounds than MaxOps allows, so the  *)
(* model checks the step that guarantees it, and the C# leak check         *)
(* (Iteration.CheckDeletedEntriesAreExpunged) the bound.                    *)
DeletedEntriesExpunged ==
  [][\A t \in Threads, k \in Keys :
       th'[t].nd[k] # th[t].nd[k] /\ th'[t].nd[k] # NoEntry => slot'[th'[t].nd[k]] # Nil]_vars

(* Each lookup that misses read under the lock and consults dirty (Find's  *)
(* slow path) counts a miss, or promotes: misses counts the slow-path      *)
(* lookups made.  A slow path that stops counting returns the same results *)
(* but never promotes a key only in dirty, and every load of it takes the  *)
(* lock for ever.  (LoadOrStore and CompareAndSwap count theirs at Release.)*)
SlowLookup(t) ==
  /\ th[t].pc = "FindLocked" /\ th'[t].pc \notin {"FindLocked", "Faulted"}
  /\ read.m[th[t].op.key] = NoEntry /\ read.amended
Promotes == read' # read \/ (dirty # NoDirty /\ dirty' = NoDirty)
MissesCountSlowLookups ==
  [][\A t \in Threads : SlowLookup(t) => misses' = misses + 1 \/ (misses' = 0 /\ Promotes)]_vars

(* A slot becomes or stops being expunged only under the lock. *)
ExpungeOnlyUnderLock ==
  [][\A e \in EntryIds :
       slot'[e] # Free /\ slot'[e] # slot[e] /\ Expunged \in {slot[e], slot'[e]} => lock # NoThread]_vars

(* Every operation completes: no thread waits forever. *)
Termination == <>AllDone

=============================================================================
