---------------------------- MODULE SyncMapEntry ----------------------------
(***************************************************************************)
(* One entry of SyncMap (Entry.cs) on its own: its slot, and where it can  *)
(* be reached from.  The whole design rests on the three invariants at the *)
(* end, which let lock-free operations update an entry found in read       *)
(* without ever losing the update when dirty is promoted.                  *)
(*                                                                         *)
(* The slot is live (a value), nil (deleted) or expunged (deleted and left *)
(* out of dirty).  The entry is in read, in dirty, both or neither (an     *)
(* orphan: a thread may still hold it, from a read it loaded earlier).     *)
(*                                                                         *)
(* Lock-free actions may happen whatever the entry's place, because a      *)
(* thread may hold a stale reference to it.  Each locked action is one     *)
(* step: the C# code does its slot CAS and its dictionary writes inside    *)
(* one locked region, and the only lock-free steps that can fall between   *)
(* them touch the slot alone, so they commute with the dictionary writes.  *)
(***************************************************************************)
EXTENDS Naturals

CONSTANT Values   \* the live values (one is enough for the picture)

VARIABLES
    slot,         \* a value, "nil" or "expunged"
    inRead,       \* read.m maps the key to this entry
    inDirty,      \* dirty maps the key to this entry
    dirtyExists   \* dirty # null

vars == <<slot, inRead, inDirty, dirtyExists>>

Live == slot \in Values
Reachable == inRead \/ inDirty

(* AddToDirtyLocked creates the entry, live, in dirty only. *)
Init ==
  /\ slot \in Values
  /\ inRead = FALSE
  /\ inDirty = TRUE
  /\ dirtyExists = TRUE

(* ---- Lock-free CASes (Entry.cs), by any thread holding the entry ---- *)

(* live -> live: TrySwap, TryCompareAndSwap. *)
StoreLive == Live /\ \E v \in Values \ {slot} : slot' = v /\ UNCHANGED <<inRead, inDirty, dirtyExists>>

(* live -> nil: TryDelete, TryCompareAndDelete. *)
DeleteLive == Live /\ slot' = "nil" /\ UNCHANGED <<inRead, inDirty, dirtyExists>>

(* nil -> live: TrySwap, TryLoadOrStore.  Never expunged -> live: the     *)
(* entry might not be in dirty, and the value would vanish at promotion.  *)
StoreNil == slot = "nil" /\ \E v \in Values : slot' = v /\ UNCHANGED <<inRead, inDirty, dirtyExists>>

LockFree == StoreLive \/ DeleteLive \/ StoreNil

(* ---- Under the lock (SyncMap.Locked.cs, SyncMap.Writes.cs, SyncMap.cs) ---- *)

(* DirtyLocked, for this entry: dirty is built from read; TryExpungeLocked *)
(* turns nil into expunged and the entry is left out, else it is copied.   *)
(* An entry only in dirty cannot see this (dirty exists); an orphan no     *)
(* longer cares whether dirty exists, so the actions that create or drop   *)
(* dirty leave it alone.                                                   *)
DirtyLocked ==
  /\ Reachable
  /\ ~dirtyExists
  /\ dirtyExists' = TRUE
  /\ IF inRead /\ slot = "nil"
     THEN slot' = "expunged" /\ inDirty' = FALSE
     ELSE UNCHANGED slot /\ inDirty' = inRead
  /\ UNCHANGED inRead

(* UnexpungeLocked then _dirty[key] = e (Store, Swap, LoadOrStore slow     *)
(* path, for an entry they found in read).                                 *)
Unexpunge ==
  /\ slot = "expunged" /\ inRead
  /\ slot' = "nil"
  /\ inDirty' = TRUE
  /\ UNCHANGED <<inRead, dirtyExists>>

(* MissLocked or ReadForRange: dirty becomes read.  An expunged entry is   *)
(* not in dirty, so it leaves the map for good.                            *)
Promote ==
  /\ Reachable
  /\ dirtyExists
  /\ inRead' = inDirty
  /\ inDirty' = FALSE
  /\ dirtyExists' = FALSE
  /\ UNCHANGED slot

(* Find with removeFromDirty (LoadAndDelete, Delete): a key only in dirty  *)
(* leaves it; the caller then deletes the orphaned entry lock-free.        *)
RemoveFromDirty ==
  /\ inDirty /\ ~inRead
  /\ inDirty' = FALSE
  /\ UNCHANGED <<slot, inRead, dirtyExists>>

(* Clear: an empty read, no dirty. *)
Clear ==
  /\ Reachable
  /\ inRead' = FALSE /\ inDirty' = FALSE /\ dirtyExists' = FALSE
  /\ UNCHANGED slot

Locked == DirtyLocked \/ Unexpunge \/ Promote \/ RemoveFromDirty \/ Clear

Next == LockFree \/ Locked

Spec == Init /\ [][Next]_vars

(* ---- Invariants ---- *)

TypeOK ==
  /\ slot \in Values \cup {"nil", "expunged"}
  /\ inRead \in BOOLEAN /\ inDirty \in BOOLEAN /\ dirtyExists \in BOOLEAN
  /\ inDirty => dirtyExists

(* The three entry invariants of the design, for an entry in read. *)
ExpungedOnlyOutsideDirty == inRead /\ slot = "expunged" => dirtyExists /\ ~inDirty
NilEntryInDirty == inRead /\ slot = "nil" => ~dirtyExists \/ inDirty
LiveEntryInDirty == inRead /\ Live => ~dirtyExists \/ inDirty

(* And dirty never holds an expunged entry. *)
DirtyHoldsNoExpunged == inDirty => slot # "expunged"

(* ---- Which transitions need the lock ---- *)

(* Becoming or ceasing to be expunged happens only in a locked action... *)
ExpungeOnlyUnderLock == [][(slot = "expunged") # (slot' = "expunged") => Locked]_vars

(* ...and so does every change of where the entry is reachable from. *)
PlaceOnlyUnderLock ==
  [][<<inRead, inDirty, dirtyExists>> # <<inRead', inDirty', dirtyExists'>> => Locked]_vars

(* An expunged entry that read lost is gone: nothing changes it again. *)
OrphanExpungedStays ==
  [][slot = "expunged" /\ ~Reachable => UNCHANGED vars]_vars

=============================================================================
