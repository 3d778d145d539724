using System.Runtime.CompilerServices;

namespace GoSync;

// The step log's hooks in SyncMap, for the steps that are not one slot operation: each operation's Begin, the locked
// regions, Range's walk. Partial methods without an implementation here, so the compiler removes them with every call
// and argument (see Entry.Steps.cs); the step-logging test build implements them in StepLog/SyncMap.StepLog.cs.
public sealed partial class SyncMap<TKey, TValue>
{
    /// <summary>An operation's first step: <c>LoadReadOnly()</c> and the lookup of <paramref name="key"/>, which found <paramref name="e"/>.</summary>
    partial void StepBegin(TKey key, Entry<TValue>? e, [CallerMemberName] string method = "");

    /// <summary>The first step of Range or Clear: <c>LoadReadOnly()</c>.</summary>
    partial void StepBeginWithoutKey([CallerMemberName] string method = "");

    /// <summary>
    /// A locked region's step with no slot operation, about <paramref name="key"/> and its entry <paramref name="e"/>
    /// (null: none found); <paramref name="unlocks"/> when the region ends with it, else the lock stays held.
    /// </summary>
    partial void StepLocked(string action, TKey key, Entry<TValue>? e, bool unlocks, [CallerMemberName] string method = "");

    /// <summary>A one-step locked region without a key: RangeLocked, ClearLocked.</summary>
    partial void StepLockedWithoutKey(string action, [CallerMemberName] string method = "");

    /// <summary>The end of a multi-step locked region, after its last slot step and MissLocked.</summary>
    partial void StepUnlock([CallerMemberName] string method = "");

    /// <summary>The locked step <paramref name="action"/> adds <paramref name="key"/> (AddToDirtyLocked follows).</summary>
    partial void StepAdding(string action, TKey key);

    /// <summary>AddToDirtyLocked builds dirty: the adding step ends here, holding the lock, and DirtyNext steps follow.</summary>
    partial void StepBuildingDirty([CallerMemberName] string method = "");

    /// <summary>AddToDirtyLocked's end: <paramref name="entry"/>, holding <paramref name="wrapped"/>, is in dirty and the lock goes.</summary>
    partial void StepAdded(Entry<TValue> entry, object wrapped, [CallerMemberName] string method = "");

    /// <summary>DirtyLocked is about to read the slot of <paramref name="key"/>'s entry.</summary>
    static partial void StepDirtyKey(TKey key);

    /// <summary>Range is about to read the slot of <paramref name="key"/>'s entry.</summary>
    partial void StepRangeKey(TKey key);

    /// <summary>Range calls back (or the enumerator yields) with <paramref name="key"/> and <paramref name="value"/>.</summary>
    partial void StepRangeVisit(TKey key, TValue value, [CallerMemberName] string method = "");

    /// <summary>Range has walked every key of its read.</summary>
    partial void StepRangeEnd([CallerMemberName] string method = "");
}
