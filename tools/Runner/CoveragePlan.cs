namespace GoSync.Runner;

/// <summary>
/// One path of a public method of <c>SyncMap</c>: the methods of src/Map that make it up, and the harnesses whose
/// concurrent part runs it against a conflicting operation (each must reach every one of those methods).
/// </summary>
internal sealed record MapPath(string PublicMethod, string Kind, IReadOnlyList<CodeMethod> Methods, IReadOnlyList<string> RacedBy, string Race);

/// <summary>A method of src/Map whose unreached lines or branches the harnesses cannot reach, and why.</summary>
internal sealed record ExplainedGap(CodeMethod Method, string Why);

/// <summary>What the coverage command requires of the harnesses, and the gaps it accepts.</summary>
internal static class CoveragePlan
{
    private static CodeMethod Map(string file, string name) => new(file, "SyncMap", name);

    private static CodeMethod Slot(string name) => new("Entry.cs", "Entry", name);

    private static readonly CodeMethod FindLocked = Map("SyncMap.Locked.cs", "FindLocked");
    private static readonly CodeMethod Find = Map("SyncMap.Locked.cs", "Find");
    private static readonly CodeMethod SwapWrapped = Map("SyncMap.Writes.cs", "SwapWrapped");
    private static readonly CodeMethod SwapWrappedLocked = Map("SyncMap.Writes.cs", "SwapWrappedLocked");
    private static readonly CodeMethod ReadForRange = Map("SyncMap.Locked.cs", "ReadForRange");
    private static readonly CodeMethod PromoteLocked = Map("SyncMap.Locked.cs", "PromoteLocked");

    /// <summary>Every public method's lock-free and locked paths, and the harnesses meant to race each.</summary>
    public static IReadOnlyList<MapPath> Paths { get; } =
    [
        new("TryLoad", "lock-free", [Map("SyncMap.cs", "TryLoad"), Slot("TryLoad")], ["LoadRacingStoreAcrossPromotion"],
            "loads of keys in read against stores"),
        new("TryLoad", "locked", [FindLocked, Map("SyncMap.Locked.cs", "MissLocked"), PromoteLocked], ["LoadRacingStoreAcrossPromotion", "NewKeyRacingPromotion"],
            "misses that promote dirty against stores of new keys"),
        new("Store", "lock-free", [Map("SyncMap.cs", "Store"), SwapWrapped, Slot("TrySwap")], ["StoreRacingExpunge", "StoreNewKeyThenStoreInReadRacingExpungeAndPromotion"],
            "a store into a deleted entry against dirtyLocked's expunge of it"),
        new("Store", "locked", [SwapWrappedLocked, Map("SyncMap.Locked.cs", "AddToDirtyLocked"), Map("SyncMap.Locked.cs", "DirtyLocked"), Map("SyncMap.Locked.cs", "UnexpungeLocked"), Slot("TryExpungeLocked")],
            ["StoreIntoExpungedEntryRacingLoadAndDelete", "StoreNewKeyThenStoreInReadRacingExpungeAndPromotion"],
            "a new key's store (dirty created, entries expunged) and an unexpunging store, against loads, deletes and promotions"),
        new("Swap", "lock-free", [Map("SyncMap.cs", "Swap"), SwapWrapped, Slot("TrySwap")], ["SwapRacingSwapAndDelete"], "swaps of one key against a swap and a delete"),
        new("Swap", "locked", [Map("SyncMap.cs", "Swap"), SwapWrappedLocked, Slot("SwapLocked")], ["SwapRacingSwapAndDelete"], "a swap of an expunged key and of a key only in dirty"),
        new("LoadOrStore", "lock-free", [Map("SyncMap.Writes.cs", "LoadOrStore"), Slot("TryLoadOrStore")], ["LoadOrStoreRacingExpunge"],
            "a LoadOrStore into a deleted entry against dirtyLocked's expunge of it"),
        new("LoadOrStore", "locked", [Map("SyncMap.Writes.cs", "LoadOrStoreLocked")], ["LoadOrStoreRacingLoadOrStoreAndDelete", "NewKeyRacingPromotion"],
            "LoadOrStore of an expunged key and of new keys, twice, against a delete and a promotion"),
        new("TryLoadAndDelete", "lock-free", [Map("SyncMap.cs", "TryLoadAndDelete"), Find, Slot("TryDelete")], ["LoadAndDeleteRacingStoreInRead"],
            "two LoadAndDeletes and a Store of one key in read"),
        new("TryLoadAndDelete", "locked", [Map("SyncMap.cs", "TryLoadAndDelete"), FindLocked, new("EntryTable.cs", "EntryTable", "Remove")], ["LoadAndDeleteRacingStore"],
            "LoadAndDelete of keys only in dirty against Store"),
        new("Delete", "lock-free and locked", [Map("SyncMap.cs", "Delete"), Find], ["DeleteThenStore", "SwapRacingSwapAndDelete"],
            "a delete of a key in read while a new key makes dirty expunge it"),
        new("CompareAndSwap", "lock-free", [Map("SyncMap.Writes.cs", "CompareAndSwap"), Slot("TryCompareAndSwap")], ["CompareAndSwapRacingStoreOfEqualValue"],
            "a CAS against a store of an equal value (its CAS may lose and must compare again)"),
        new("CompareAndSwap", "locked", [Map("SyncMap.Writes.cs", "CompareAndSwapLocked")], ["CompareAndSwapRacingPromotionThenStore", "CompareAndSwapAndCompareAndDeleteRacingStore"],
            "a locked CAS against a promotion and a lock-free store (golang/go#70970's shape)"),
        new("CompareAndDelete", "lock-free", [Map("SyncMap.cs", "CompareAndDelete"), Find, Slot("TryCompareAndDelete")], ["CompareAndDeleteRacingStoreOfEqualValue"],
            "a CompareAndDelete against a store of an equal value"),
        new("CompareAndDelete", "locked", [Map("SyncMap.cs", "CompareAndDelete"), FindLocked], ["CompareAndSwapAndCompareAndDeleteRacingStore"],
            "a CompareAndDelete of a key only in dirty against a store"),
        new("Range", "lock-free and locked (promotion)", [Map("SyncMap.cs", "Range"), ReadForRange, PromoteLocked], ["RangeConcurrentWithMutations", "RangeWhoseCallbackMutates"],
            "Range (one promoting, one stopping early) against stores and deletes"),
        new("GetEnumerator (foreach)", "lock-free and locked (promotion)", [Map("SyncMap.cs", "GetEnumerator"), ReadForRange, PromoteLocked],
            ["ForEachWhoseBodyWaitsForAnotherTasksWrite", "ForEachRacingPromotionAndClear"],
            "a foreach suspended between keys while another task writes; a foreach racing another task's promotion and a Clear"),
        new("Clear", "lock-free (already clear) and locked", [Map("SyncMap.cs", "Clear")], ["ClearConcurrentWithStoreAndLoad", "ForEachRacingPromotionAndClear"],
            "Clear against Store and Load in read and in dirty"),
    ];

    private static readonly string NotThisKey = "the harnesses' keys are ints and their values boxed ints or null (object): ";

    /// <summary>Methods of src/Map the harnesses may leave partly or wholly unreached, each with the reason.</summary>
    public static IReadOnlyList<ExplainedGap> Gaps { get; } =
    [
        new(Map("SyncMap.Locked.cs", "AddToDirtyLocked"), "`_dirty ?? NewTable(...)` and `if (_dirty is null)` never see a non-null dirty: this branch runs only when read is not amended, and dirty is non-null only while read is amended (AddToDirtyLocked publishes amended as it creates dirty; promotion and Clear drop dirty as they publish an unamended read). Defensive code, unreachable by any caller."),
        new(new("EntryTable.cs", "EntryTable", "Set"), "the overwrite of a key the table already holds: the map calls Set only for a key dirty lacks (a new key, or an expunged entry, which dirty lacks by definition). Unreachable through the map; EntryTableTests reach it directly."),
        new(new("EntryTable.cs", "EntryTable", "ThrowIfFrozen"), "the throw is the ReadNeverWritten guard: only a broken map writes a published read (mutant 05 does, and the harnesses catch it)."),
        new(new("EntryTable.cs", "EntryTable", "Remove"), "one outcome of the backward shift's wrap-around test (a run of buckets crossing the table's end) needs more colliding keys than a harness's three; EntryTableTests cover it. A table-layout branch, not a concurrent path: Remove runs under the lock."),
        new(new("EntryTable.cs", "EntryTable", ".ctor"), NotThisKey + "the default comparer for a reference-type key is never chosen."),
        new(new("EntryTable.cs", "EntryTable", "Find"), NotThisKey + "a value-type key without a comparer always takes FindByDefault (the fault harnesses give a comparer and take FindBy); the JIT drops the other branch per instantiation."),
        new(new("EntryTable.cs", "EntryTable", "LongestProbe"), "a measurement for the hash-flooding tests, not used by the map."),
        new(new("EntryTable.cs", "EntryTable", "get_IsFrozen"), "read by the unit tests only."),
        new(Slot("Unwrap"), NotThisKey + "the value-type branch is the other instantiation's."),
        new(Slot(".cctor"), NotThisKey + "for a reference type HoldsSame returns before it reads BitsAreTheValue, so the static initializer never runs; unit tests run it for int, double and Guid."),
        new(Slot("HoldsSame"), NotThisKey + "object is a reference type, so the value-type comparisons are the other instantiations'; unit tests reach them (AllocationTests, OperationSemanticsTests)."),
        new(Slot("TryCompareAndDelete"), "the exit on an expunged entry at CompareAndDelete's lock-free read: no harness is built for it (the model checks CadRead on an expunged slot exhaustively, and TryDelete's identical exit is reached, 6 of 6 branches); RandomOperations reached it by chance at seed 1 until the same-value skip took steps out of its schedules."),
        new(Map("SyncMap.cs", ".ctor"), "the harnesses build the map with the internal constructor, which fixes the placement secret so that schedules replay; the public constructors only forward to it."),
        new(Map("SyncMap.cs", "get_Placement"), "read by the unit tests only."),
        new(Map("SyncMap.cs", "System.Collections.IEnumerable.GetEnumerator"), "the non-generic enumerator forwards to GetEnumerator, which ForEach reaches; nothing in C# calls it on a SyncMap<,> but a cast to IEnumerable."),
        new(Map("SyncMap.cs", "ThrowIfNull"), NotThisKey + "an int key is never null."),
        new(Map("SyncMap.cs", "ThrowNullKey"), NotThisKey + "an int key is never null."),
        new(new("Placement.cs", "Placement", "Random"), "the harnesses fix the placement secret (CheckedMap.Placement) so that schedules replay."),
        new(new("Placement.cs", "Placement", "Equals"), "not used by the map."),
        new(new("Placement.cs", "Placement", "GetHashCode"), "not used by the map."),
        new(new("Placement.cs", "Placement", "ToString"), "failure reports only."),
        new(new("Invariant.cs", "InvariantViolation", "get_Invariant"), "the invariant checks' report of a violation: reached only by a broken map."),
        new(new("Invariant.cs", "InvariantViolation", "ToString"), "the invariant checks' report of a violation: reached only by a broken map."),
        new(Map("SyncMap.Invariants.cs", "CheckInvariants"), "the unit tests' throwing form of the check; the harnesses call FindInvariantViolations."),
        new(Map("SyncMap.Invariants.cs", "CheckReadEntryLocked"), "the branches that report a violation: reached only by a broken map."),
        new(Map("SyncMap.Invariants.cs", "CheckStructureLocked"), "the branches that report a violation: reached only by a broken map."),
        new(Map("SyncMap.Invariants.cs", "FindInvariantViolations"), "the branches that report a violation: reached only by a broken map."),
        new(Map("SyncMap.Invariants.cs", "Contents"), "the unit tests' view of the map's contents."),
        new(Map("SyncMap.Invariants.cs", "DescribeShape"), "one branch of the shape report (an expunged entry when the epilogue measures) is not reached at the moments the epilogue measures."),
    ];
}
