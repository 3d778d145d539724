----------------------------- MODULE AtomicMap -----------------------------
(***************************************************************************)
(* What SyncMap promises: a map whose every operation except Range takes   *)
(* effect atomically at one instant between its call and its return        *)
(* (linearisability), and whose Range promises only what Go documents:     *)
(* each key is visited at most once, a visited value is one the key held   *)
(* at some instant during the call, and a key that is not visited was      *)
(* absent at some instant during the call.                                 *)
(*                                                                         *)
(* A thread's operation goes idle -> pending (Call) -> done (Lin, the      *)
(* instant it takes effect) -> idle (Return, handing back the result Lin   *)
(* computed).  Range never takes effect: it stays pending, collecting for  *)
(* each key every value the key holds while it runs (seen), until it       *)
(* returns.                                                                *)
(*                                                                         *)
(* The whole state is one record, abs, so that SyncMap can keep a set of   *)
(* them (see SyncMap.tla, variable lin).                                   *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Threads,
    Keys,
    Values,
    OpKinds,  \* the operations callers may invoke (a subset of AllKinds)
    Absent,   \* model value: a key's value when the key is not in the map
    NoKey,    \* model value: the key field of Range and Clear
    NoOp,     \* model value: the operation of an idle thread
    NoRes     \* model value: the result before the operation took effect

VARIABLE abs

AllKinds == {"Load", "Store", "LoadOrStore", "LoadAndDelete", "Delete", "Swap",
             "CompareAndSwap", "CompareAndDelete", "Range", "Clear"}

(* An operation: val is the value to store, old the value to compare with. *)
Op(kind, key, val, old) == [kind |-> kind, key |-> key, val |-> val, old |-> old]

Ops ==
       {Op(x, k, Absent, Absent) : x \in OpKinds \cap {"Load", "LoadAndDelete", "Delete"}, k \in Keys}
  \cup {Op(x, k, v, Absent) : x \in OpKinds \cap {"Store", "Swap", "LoadOrStore"}, k \in Keys, v \in Values}
  \cup {Op(x, k, v, w) : x \in OpKinds \cap {"CompareAndSwap"}, k \in Keys, v \in Values, w \in Values}
  \cup {Op(x, k, Absent, w) : x \in OpKinds \cap {"CompareAndDelete"}, k \in Keys, w \in Values}
  \cup {Op(x, NoKey, Absent, Absent) : x \in OpKinds \cap {"Range", "Clear"}}

Maps == [Keys -> Values \cup {Absent}]

(* The map after o takes effect on m. *)
Apply(m, o) ==
  LET k == o.key IN
  CASE o.kind \in {"Store", "Swap"}        -> [m EXCEPT ![k] = o.val]
    [] o.kind = "LoadOrStore"              -> IF m[k] = Absent THEN [m EXCEPT ![k] = o.val] ELSE m
    [] o.kind \in {"LoadAndDelete", "Delete"} -> [m EXCEPT ![k] = Absent]
    [] o.kind = "CompareAndSwap"           -> IF m[k] = o.old THEN [m EXCEPT ![k] = o.val] ELSE m
    [] o.kind = "CompareAndDelete"         -> IF m[k] = o.old THEN [m EXCEPT ![k] = Absent] ELSE m
    [] o.kind = "Clear"                    -> [j \in Keys |-> Absent]
    [] OTHER                               -> m   \* Load, Range

(* What o returns when it takes effect on m, as the C# method reports it:  *)
(* a value or Absent (Load, Swap, LoadAndDelete), <<value, loaded>>        *)
(* (LoadOrStore), a Boolean (CompareAndSwap, CompareAndDelete), "ok" for   *)
(* the methods that return nothing.                                        *)
Result(m, o) ==
  LET k == o.key IN
  CASE o.kind \in {"Load", "Swap", "LoadAndDelete"}      -> m[k]
    [] o.kind = "LoadOrStore"                           -> IF m[k] = Absent THEN <<o.val, FALSE>>
                                                           ELSE <<m[k], TRUE>>
    [] o.kind \in {"CompareAndSwap", "CompareAndDelete"} -> m[k] = o.old
    [] OTHER                                            -> "ok"   \* Store, Delete, Clear, Range

(* ---- One thread's part of the state ---- *)

NoSeen == [k \in Keys |-> {}]
IdleThread == [st |-> "idle", op |-> NoOp, res |-> NoRes, seen |-> NoSeen, vis |-> {}]
InitState == [map |-> [k \in Keys |-> Absent], th |-> [t \in Threads |-> IdleThread]]

(* The steps, as operators on a state s, so that SyncMap can apply them to *)
(* each state of a set.                                                    *)

Call(s, t, o) ==
  [s EXCEPT !.th[t] = [st |-> "pending", op |-> o, res |-> NoRes,
                       seen |-> IF o.kind = "Range" THEN [k \in Keys |-> {s.map[k]}] ELSE NoSeen,
                       vis |-> {}]]

IsRange(s, t) == s.th[t].op # NoOp /\ s.th[t].op.kind = "Range"

CanLin(s, t) == s.th[t].st = "pending" /\ ~IsRange(s, t)

(* t's operation takes effect; every pending Range notes the new values.   *)
Lin(s, t) ==
  LET o  == s.th[t].op
      m2 == Apply(s.map, o)
  IN [map |-> m2,
      th  |-> [u \in Threads |->
                 IF u = t THEN [s.th[t] EXCEPT !.st = "done", !.res = Result(s.map, o)]
                 ELSE IF s.th[u].st = "pending" /\ IsRange(s, u)
                      THEN [s.th[u] EXCEPT !.seen = [k \in Keys |-> s.th[u].seen[k] \cup {m2[k]}]]
                      ELSE s.th[u]]]

CanReturn(s, t, r) == s.th[t].st = "done" /\ s.th[t].res = r

(* Go's per-key promise for a key Range did not visit: it was absent at    *)
(* some instant of the call.                                               *)
CanReturnRange(s, t) ==
  /\ s.th[t].st = "pending" /\ IsRange(s, t)
  /\ \A k \in Keys \ s.th[t].vis : Absent \in s.th[t].seen[k]

CanVisit(s, t, k, v) ==
  /\ s.th[t].st = "pending" /\ IsRange(s, t)
  /\ k \notin s.th[t].vis
  /\ v \in s.th[t].seen[k]

Visit(s, t, k) == [s EXCEPT !.th[t].vis = @ \cup {k}]

Return(s, t) == [s EXCEPT !.th[t] = IdleThread]

(* ---- The specification ---- *)

TypeOK ==
  /\ abs.map \in Maps
  /\ \A t \in Threads :
       /\ abs.th[t].st \in {"idle", "pending", "done"}
       /\ abs.th[t].op \in Ops \cup {NoOp}
       /\ abs.th[t].vis \subseteq Keys
       /\ abs.th[t].seen \in [Keys -> SUBSET (Values \cup {Absent})]

Init == abs = InitState

Next ==
  \E t \in Threads :
    \/ abs.th[t].st = "idle" /\ \E o \in Ops : abs' = Call(abs, t, o)
    \/ CanLin(abs, t) /\ abs' = Lin(abs, t)
    \/ abs.th[t].st = "done" /\ abs' = Return(abs, t)
    \/ CanReturnRange(abs, t) /\ abs' = Return(abs, t)
    \/ \E k \in Keys, v \in Values : CanVisit(abs, t, k, v) /\ abs' = Visit(abs, t, k)

Spec == Init /\ [][Next]_abs

=============================================================================
