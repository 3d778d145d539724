--------------------------- MODULE SyncMapTrace ---------------------------
(***************************************************************************)
(* Trace validation: is a step log recorded from the C# SyncMap a          *)
(* behaviour of SyncMap.tla?  (After Cirstea, Kuppe, Loillier and Merz,    *)
(* "Validating Traces of Distributed Programs Against TLA+                 *)
(* Specifications", 2024.)                                                 *)
(*                                                                         *)
(* The log (docs/step-log.md) is NDJSON: a header naming the threads, keys *)
(* and values, then one event per atomic step of the model's granularity,  *)
(* named by the SyncMap action (a disjunct of Step(t)) that the step       *)
(* implements.  TLC explores the behaviours of SyncMap in which step i is  *)
(* an action of the named kind by the logged thread, on the logged key and *)
(* entry, with the logged slot before and after it, and, where a locked    *)
(* region ends, with the logged read, dirty and misses.  Where the log is  *)
(* silent the model may choose (that is what makes validation by model     *)
(* checking work when the log does not record every variable).  The trace *)
(* is accepted when some behaviour matches every step.  One TLC run checks *)
(* many logs: each behaviour follows one of them (cur).                    *)
(*                                                                         *)
(* Entry ids.  The log names each Entry object by an id of its own; the    *)
(* model recycles its entry ids.  emap maps a logged id to the model id it *)
(* stands for, bound where the id is first mentioned, and every later      *)
(* mention must agree; a model id that is allocated anew unbinds the       *)
(* logged ids that stood for it.                                           *)
(*                                                                         *)
(* The input.  TLC's Json module cannot read JSON null, and TLC refuses to *)
(* compare a number with a string, so the runner (tools/Runner             *)
(* validate-traces) hands TLC the recorded log re-encoded: every thread,   *)
(* key, value, entry id and slot as a JSON string (a null value as         *)
(* "null"), a field that would be null left out (lock: nobody holds it;    *)
(* entry: none; dirty, where read is logged: none), lines other than steps *)
(* dropped, a Range or foreach that stops early marked "stops", and a      *)
(* promotion the log folds into the slot step before it (when nothing came *)
(* between) given its own Unlock line, as the model takes it.  Nothing     *)
(* else changes; docs/step-log.md is the log's schema.  One C# step the    *)
(* model has no action for is mapped here: a CAS lost to an equal value    *)
(* (LostToEqual, below).                                                   *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC, Json

CONSTANTS
    TraceDir,    \* the logs to validate: TraceDir/1.ndjson, TraceDir/2.ndjson, ...
    TraceCount,  \* ... up to TraceDir/TraceCount.ndjson; the verdict on log x goes to TraceDir/x.json
    Nil, Expunged, Free, NoEntry, NoDirty, NoThread, Absent, NoKey, NoOp, NoRes

VARIABLES read, dirty, misses, lock, aliased, slot, th, lin,
    cur,   \* which log this behaviour follows
    l,     \* the index in its trace of the next step to match
    emap,  \* logged entry id -> the model's entry id
    last,  \* thread -> the logged entry its last step named ("" before any)
    wrote, \* thread -> whether another thread's step has written that entry since
    retry  \* thread -> the CAS action it must retry next ("" when none)

vars == <<read, dirty, misses, lock, aliased, slot, th, lin>>

(* ---- The log ---- *)

LogFile(x, ext) == TraceDir \o "/" \o ToString(x) \o ext
Logs == [x \in 1 .. TraceCount |-> ndJsonDeserialize(LogFile(x, ".ndjson"))]
Traces == [x \in DOMAIN Logs |-> SubSeq(Logs[x], 2, Len(Logs[x]))]
Trace == Traces[cur]

Elems(s) == {s[i] : i \in DOMAIN s}
Has(r, f) == f \in DOMAIN r

(* One model for all the logs: the union of their threads, keys and       *)
(* values.  A thread, key or value a log never mentions stays idle, absent *)
(* or unused in the behaviours that follow it.                             *)
Declared(f) == UNION {Elems(Logs[x][1][f]) : x \in DOMAIN Logs}
TraceThreads == Declared("threads")
TraceKeys == Declared("keys")
TraceValues == Declared("values")

AllKinds == {"Load", "Store", "LoadOrStore", "LoadAndDelete", "Delete", "Swap",
             "CompareAndSwap", "CompareAndDelete", "Range", "Clear"}

(* Each thread performs at most as many operations as a log begins. *)
Calls(x, t) == Cardinality({i \in DOMAIN Traces[x] : Traces[x][i].action = "Begin" /\ Traces[x][i].t = t})
TraceMaxOps ==
  LET c == {Calls(x, t) : x \in DOMAIN Traces, t \in TraceThreads} \cup {0} IN CHOOSE m \in c : \A y \in c : y <= m

S == INSTANCE SyncMap WITH
       Threads <- TraceThreads, Keys <- TraceKeys, Values <- TraceValues, MaxOps <- TraceMaxOps,
       OpKinds <- AllKinds, JoiningCallbacks <- FALSE, Bug <- "None"

(* ---- Decoding one event ---- *)

SlotOf(x) == CASE x = "nil" -> Nil [] x = "expunged" -> Expunged [] x = "free" -> Free [] OTHER -> x

Field(r, f, default) == IF Has(r, f) THEN r[f] ELSE default

(* The operation a Begin event calls, as AtomicMap writes it. *)
OpOf(o) == [kind |-> o.kind, key |-> Field(o, "key", NoKey), val |-> Field(o, "val", Absent),
            old |-> Field(o, "old", Absent)]

EventKey(ev) == Field(ev, "key", NoKey)

(* A Range or foreach whose callback or body stops it.  The model's walk   *)
(* never stops early (tla/README.md: that only truncates it); here the     *)
(* visit that stops it returns, and Range's promise about the keys it did *)
(* not reach is dropped.                                                   *)
RangeStops(t) ==
  /\ th[t].pc = "RangeVisit"
  /\ UNCHANGED <<read, dirty, misses, lock, aliased>>
  /\ th' = [th EXCEPT ![t] = S!ThreadIdle(th[t].n + 1)]
  /\ slot' = S!Tidy(slot)
  /\ lin' = S!Settle({S!AM!Return(x, t) : x \in S!VisitL(lin, t, th[t].cur, th[t].p)})

(* The action the event names, taken by thread t. *)
Act(a, t, ev) ==
  CASE a = "Begin"        -> Has(ev, "op") /\ S!BeginOp(t, OpOf(ev.op))
    [] a = "FindLocked"   -> S!FindLocked(t)
    [] a = "LoadSlot"     -> S!LoadSlot(t)
    [] a = "DelRead"      -> S!DelRead(t)
    [] a = "DelCas"       -> S!DelCas(t)
    [] a = "CadRead"      -> S!CadRead(t)
    [] a = "CadCas"       -> S!CadCas(t)
    [] a = "SwapRead"     -> S!SwapRead(t)
    [] a = "SwapCas"      -> S!SwapCas(t)
    [] a = "SwapLocked"   -> S!SwapLocked(t)
    [] a = "Unexpunge"    -> S!Unexpunge(t)
    [] a = "SwapExchange" -> S!SwapExchange(t)
    [] a = "DirtyNext"    -> S!DirtyNext(t)
    [] a = "DirtyCas"     -> S!DirtyCas(t)
    [] a = "DirtyWrite"   -> S!DirtyWrite(t)
    [] a = "LosRead"      -> S!LosRead(t)
    [] a = "LosCas"       -> S!LosCas(t)
    [] a = "LosLocked"    -> S!LosLocked(t)
    [] a = "LosAdd"       -> S!LosAdd(t)
    [] a = "CasRead"      -> S!CasRead(t)
    [] a = "CasCas"       -> S!CasCas(t)
    [] a = "CasLocked"    -> S!CasLocked(t)
    [] a = "Unlock"       -> S!Unlock(t)
    [] a = "RangeLocked"  -> S!RangeLocked(t)
    [] a = "RangeNext"    -> S!RangeNext(t)
    [] a = "RangeVisit"   -> IF Has(ev, "stops") THEN RangeStops(t) ELSE S!RangeVisit(t)
    [] a = "RangeJoin"    -> S!RangeJoin(t)
    [] a = "ClearLocked"  -> S!ClearLocked(t)
    [] OTHER              -> FALSE

(* A compare-and-swap that lost to an equal value.  The C# slot holds a    *)
(* box (for a value type; for a reference type, the reference itself), and *)
(* a CAS compares references: when another thread has stored an equal      *)
(* value since this one read the slot, the CAS fails and the loop retries  *)
(* with the witness.  The model's slots hold values, so for it the slot    *)
(* did not change and the retry starts from the state it was in: the step  *)
(* is a stutter of the model.  The log shows it as the CAS action with the *)
(* same slot before and after and no result.  It is taken only where the   *)
(* log shows why: another thread wrote that entry since this thread's last *)
(* step (wrote), and this thread's next step is the retry (retry: owed     *)
(* until it comes, and none may be owed when the log ends).  A CAS that    *)
(* gives up, or that retries with a stale comparand and fails again with   *)
(* nobody writing, must be one of the model's steps.                       *)
Writes == {"SwapCas", "SwapExchange", "SwapLocked", "Unexpunge", "DelCas", "CadCas", "CasCas", "CasLocked",
           "LosCas", "LosLocked", "DirtyCas"}

LostToEqual(a, t, ev) ==
  /\ a \in {"DelCas", "CadCas", "SwapCas", "CasCas"}
  /\ ~Has(ev, "ret")
  /\ Has(ev, "before") /\ Has(ev, "after") /\ ev.before = ev.after
  /\ wrote[t]
  /\ th[t].pc = a
  /\ slot[th[t].e] = th[t].p
  /\ UNCHANGED vars

(* ---- What the step acts on, in the model (evaluated after Act) ---- *)

Ended(t) == th'[t].pc \in {"Idle", "Done"}
New(m) == m # NoEntry /\ slot[m] = Free /\ slot'[m] # Free

(* The entry AddEntry allocated for key k in this step, if any. *)
Created(k) == IF dirty' # NoDirty /\ dirty'[k] # NoEntry /\ New(dirty'[k]) THEN dirty'[k] ELSE NoEntry

Walks(a) == a \in {"DirtyNext", "RangeNext"}

(* The entry the step reads, writes or finds (NoEntry: none). *)
ModelEntry(a, t, k) ==
  CASE a = "Begin" -> IF k \in TraceKeys THEN read.m[k] ELSE NoEntry
    [] a \in {"FindLocked", "SwapLocked", "LosLocked", "CasLocked", "LosAdd"} ->
         IF Ended(t) THEN Created(th[t].op.key) ELSE th'[t].e
    [] a = "DirtyNext" ->
         IF th[t].todo = {} THEN Created(th[t].op.key) ELSE IF k \in TraceKeys THEN read.m[k] ELSE NoEntry
    [] a = "RangeNext" -> IF th[t].todo = {} \/ k \notin TraceKeys THEN NoEntry ELSE th[t].rmap[k]
    [] a \in {"RangeLocked", "RangeVisit", "RangeJoin", "ClearLocked", "Unlock"} -> NoEntry
    [] OTHER -> th[t].e

(* The logged key is the key the step acts on: the operation's, or the one *)
(* DirtyLocked's loop or Range's walk takes next (which pins the model's   *)
(* choice of it).                                                          *)
KeyOk(a, t, ev) ==
  LET k == EventKey(ev) IN
  CASE a \in {"Begin", "RangeLocked", "ClearLocked"} -> TRUE
    [] Walks(a) -> IF th[t].todo = {} THEN TRUE
                   ELSE k \in th[t].todo /\ (th'[t].cur = k \/ k \notin th'[t].todo)
    [] a \in {"DirtyCas", "DirtyWrite", "RangeVisit", "RangeJoin"} -> Has(ev, "key") => k = th[t].cur
    [] OTHER -> Has(ev, "key") => k = th[t].op.key

(* The slot before and after the step, where logged.  An entry nothing     *)
(* references after the step has slot Free in the model.                  *)
SlotOk(ev, m) ==
  /\ Has(ev, "before") => m # NoEntry /\ slot[m] = SlotOf(ev.before)
  /\ Has(ev, "after") => m # NoEntry /\ slot'[m] \in {SlotOf(ev.after), Free}

(* The operation the step belongs to, and who holds the lock after it. *)
ThreadOk(t, ev) ==
  /\ Has(ev, "n") => th[t].n = ev.n
  /\ lock' = Field(ev, "lock", NoThread)

(* At the end of a locked region: read (entries, amended), dirty, misses. *)
Region(ev) == Has(ev, "read")
Keyed(pairs) == {p[1] : p \in Elems(pairs)}

StateOk(ev) ==
  Region(ev) =>
    /\ read'.amended = ev.read.amended
    /\ Keyed(ev.read.entries) = S!KeysOf(read'.m)
    /\ IF Has(ev, "dirty") THEN dirty' # NoDirty /\ Keyed(ev.dirty) = S!KeysOf(dirty')
       ELSE dirty' = NoDirty
    /\ Has(ev, "misses") => misses' = ev.misses

(* Every <<logged id, model id>> the step mentions (evaluated after StateOk). *)
Mentions(a, t, ev) ==
     (IF Has(ev, "entry") THEN {<<ev.entry, ModelEntry(a, t, EventKey(ev))>>} ELSE {})
  \cup (IF Region(ev) THEN {<<p[2], read'.m[p[1]]>> : p \in Elems(ev.read.entries)} ELSE {})
  \cup (IF Region(ev) /\ Has(ev, "dirty") THEN {<<p[2], dirty'[p[1]]>> : p \in Elems(ev.dirty)} ELSE {})

(* A logged id already bound stands for the same model entry, which is not *)
(* a new one; an unbound id stands for a new entry or one no logged id     *)
(* stands for.  A logged id the model has no entry for yet binds later.    *)
(* Within a step, the mentions are one to one.                             *)
BindOk(B) ==
  /\ \A p \in B :
       IF p[2] = NoEntry THEN p[1] \notin DOMAIN emap
       ELSE IF p[1] \in DOMAIN emap THEN emap[p[1]] = p[2] /\ ~New(p[2])
       ELSE New(p[2]) \/ p[2] \notin {emap[y] : y \in DOMAIN emap}
  /\ \A p, q \in B : p[2] # NoEntry /\ q[2] # NoEntry => ((p[1] = q[1]) <=> (p[2] = q[2]))

Bind(B) ==
  LET bound == {p \in B : p[2] # NoEntry}
      ids   == {p[1] : p \in bound}
      keep  == {y \in DOMAIN emap : ~New(emap[y])} \ ids
  IN [y \in keep \cup ids |-> IF y \in ids THEN (CHOOSE p \in bound : p[1] = y)[2] ELSE emap[y]]

(* ---- The trace specification ---- *)

(* The verdict on log x so far: some behaviour takes its first n steps.    *)
(* Breadth-first with one worker, TLC reaches these in order of n, so the  *)
(* file ends with the longest prefix matched; the log is accepted when     *)
(* that is all of it.  The runner (tools/Runner validate-traces) reads     *)
(* these files, and no console text of TLC's.                              *)
Report(x, n) == JsonSerialize(LogFile(x, ".json"), [log |-> x, matched |-> n])

TraceInit ==
  /\ S!Init
  /\ cur \in DOMAIN Traces
  /\ l = 1
  /\ emap = [y \in {} |-> NoEntry]
  /\ last = [t \in TraceThreads |-> ""]
  /\ wrote = [t \in TraceThreads |-> FALSE]
  /\ retry = [t \in TraceThreads |-> ""]
  /\ Report(cur, 0)

TraceNext ==
  /\ l <= Len(Trace)
  /\ LET ev == Trace[l]
         t  == ev.t
         a  == ev.action
     IN /\ t \in TraceThreads
        /\ retry[t] # "" => a = retry[t]
        /\ \/ Act(a, t, ev) /\ retry' = [retry EXCEPT ![t] = ""]
           \/ LostToEqual(a, t, ev) /\ retry' = [retry EXCEPT ![t] = a]
        /\ l = Len(Trace) => \A u \in TraceThreads : retry'[u] = ""   \* the log ends with no retry owed
        /\ wrote' = [u \in TraceThreads |->
                       IF u = t THEN FALSE
                       ELSE wrote[u] \/ (a \in Writes /\ Has(ev, "entry") /\ ev.entry = last[u])]
        /\ last' = IF Has(ev, "entry") THEN [last EXCEPT ![t] = ev.entry] ELSE last
        /\ KeyOk(a, t, ev)
        /\ SlotOk(ev, ModelEntry(a, t, EventKey(ev)))
        /\ ThreadOk(t, ev)
        /\ StateOk(ev)
        /\ LET B == Mentions(a, t, ev) IN BindOk(B) /\ emap' = Bind(B)
        /\ l' = l + 1
        /\ UNCHANGED cur
        /\ Report(cur, l)

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, cur, l, emap, last, wrote, retry>>

=============================================================================
