----------------------------- MODULE MCSyncMap -----------------------------
(***************************************************************************)
(* SyncMap as TLC checks it (the MCSyncMap*.cfg files).  Threads, keys and *)
(* values are interchangeable model values, so the safety configurations   *)
(* let TLC identify states that differ only by renaming them.  Symmetry    *)
(* is unsound for liveness, so the configuration that checks Termination   *)
(* does without it.                                                        *)
(***************************************************************************)
EXTENDS SyncMap, TLC

Symmetry == Permutations(Threads) \cup Permutations(Keys) \cup Permutations(Values)

=============================================================================
