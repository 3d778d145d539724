#if GOSYNC_STEP_LOG
using GoSync.StepLog;

namespace GoSync;

// The step-logging build's implementation of SyncMap's hooks (SyncMap.Steps.cs): compiled only with GOSYNC_STEP_LOG,
// by tests/StepLoggedMap. The map hands each step to GoSync.StepLog, which Coyote does not rewrite. StepTables reads
// the locked state with plain reads (the caller holds the lock) and builds arrays, never a rewritten collection, so
// that logging adds no scheduling point.
public sealed partial class SyncMap<TKey, TValue> : IStepSource
{
    StepTables IStepSource.StepTables()
    {
        var read = _read; // under the lock: no Volatile.Read, which would be a scheduling point under Coyote
        return new StepTables(Pairs(read.Entries), read.Amended, _dirty is { } dirty ? Pairs(dirty) : null, _misses);
    }

    partial void StepBegin(TKey key, Entry<TValue>? e, string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Begin(this, Name(method), hasKey: true, key, e);
        }
    }

    partial void StepBeginWithoutKey(string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Begin(this, Name(method), hasKey: false, key: null, entry: null);
        }
    }

    partial void StepLocked(string action, TKey key, Entry<TValue>? e, bool unlocks, string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Locked(action, Name(method), hasKey: true, key, e, unlocks);
        }
    }

    partial void StepLockedWithoutKey(string action, string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Locked(action, Name(method), hasKey: false, key: null, entry: null, unlocks: true);
        }
    }

    partial void StepUnlock(string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Unlock(Name(method));
        }
    }

    partial void StepAdding(string action, TKey key)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Adding(action, key);
        }
    }

    partial void StepBuildingDirty(string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.BuildingDirty(Name(method));
        }
    }

    partial void StepAdded(Entry<TValue> entry, object wrapped, string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Added(Name(method), entry, Entry<TValue>.ToStepSlot(wrapped));
        }
    }

    static partial void StepDirtyKey(TKey key)
    {
        if (MapSteps.Recording)
        {
            MapSteps.WalkKey(key);
        }
    }

    partial void StepRangeKey(TKey key)
    {
        if (MapSteps.Recording)
        {
            MapSteps.WalkKey(key);
        }
    }

    partial void StepRangeVisit(TKey key, TValue value, string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.RangeVisit(Name(method), key, value);
        }
    }

    partial void StepRangeEnd(string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.RangeEnd(Name(method));
        }
    }

    private static string Name(string method) => "SyncMap." + method;

    private static KeyValuePair<object, object>[] Pairs(EntryTable<TKey, TValue> table)
    {
        var pairs = new KeyValuePair<object, object>[table.Count];
        var i = 0;
        foreach (var bucket in table.Buckets)
        {
            if (bucket.Entry is { } entry)
            {
                pairs[i++] = new KeyValuePair<object, object>(bucket.Key, entry);
            }
        }

        return pairs;
    }
}
#endif
