using System.Runtime.CompilerServices;

namespace GoSync;

public sealed partial class SyncMap<TKey, TValue>
{
    /// <summary>
    /// The entry an operation on an existing key acts on: from <c>read</c> without the lock, else from <c>dirty</c>
    /// under it, counting a miss. Null when the key is in neither. With <paramref name="removeFromDirty"/>, a key found
    /// only in <c>dirty</c> is also removed from it, so a deleted key stays reachable from nowhere (Go issue 40999).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Entry<TValue>? Find(TKey key, bool removeFromDirty)
    {
        ThrowIfNull(key);
        var read = LoadReadOnly();
        var e = read.Find(key);
        StepBegin(key, e);
        return e is not null || !read.Amended ? e : FindLocked(key, removeFromDirty);
    }

    /// <summary>The slow path of <see cref="Find"/>, out of line so that the lock-free path can be inlined.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Entry<TValue>? FindLocked(TKey key, bool removeFromDirty)
    {
        Entry<TValue>? e;
        lock (_mu)
        {
            // Re-check: dirty may have been promoted while this thread waited for the lock.
            var read = LoadReadOnly();
            e = read.Find(key);
            if (e is null && read.Amended)
            {
                e = removeFromDirty ? _dirty!.Remove(key) : _dirty!.Find(key);
                MissLocked();
            }

            StepLocked("FindLocked", key, e, unlocks: true);
        }

        return e;
    }

    /// <summary>
    /// Adds a key that neither read nor dirty holds. The first such key since a promotion creates dirty as a copy of
    /// read (<see cref="DirtyLocked"/>) and publishes read as amended.
    /// </summary>
    /// <remarks>
    /// The new key is put into the new dirty before read is copied into it: hashing the key is the only call of user
    /// code here, and if it throws nothing has changed yet (no entry expunged, no dirty half built).
    /// </remarks>
    private void AddToDirtyLocked(ReadOnlyMap<TKey, TValue> read, TKey key, object wrapped)
    {
        var entry = new Entry<TValue>(wrapped);
        if (read.Amended)
        {
            _dirty!.Set(key, entry);
            StepAdded(entry, wrapped);
            return;
        }

        var dirty = _dirty ?? NewTable(read.Entries.Count + 1);
        dirty.Set(key, entry);
        if (_dirty is null)
        {
            StepBuildingDirty();
            DirtyLocked(read, dirty);
            _dirty = dirty;
        }

        Publish(new ReadOnlyMap<TKey, TValue>(read.Entries, amended: true));
        StepAdded(entry, wrapped);
    }

    /// <summary>
    /// Go <c>unexpungeLocked</c> with its caller's <c>m.dirty[key] = e</c>: an expunged entry of read becomes nil and
    /// is put back into dirty, so that a value stored into it is not lost at the next promotion.
    /// </summary>
    /// <remarks>
    /// In the other order from Go's, so that a key comparer that throws in the dirty write leaves the entry expunged
    /// and outside dirty, as it was; while it is expunged no lock-free path can touch it, so the order is not visible.
    /// </remarks>
    private void UnexpungeLocked(TKey key, Entry<TValue> e)
    {
        if (e.IsExpunged)
        {
            _dirty!.Set(key, e);
            e.UnexpungeLocked();
        }
    }

    /// <summary>Go <c>missLocked</c>: once the slow path has cost as much as copying would, promote <c>dirty</c>.</summary>
    private void MissLocked()
    {
        _misses++;
        if (_misses >= _dirty!.Count)
        {
            PromoteLocked();
        }
    }

    /// <summary>Publishes <c>dirty</c> as the new <c>read</c> (frozen, not amended) and starts over without <c>dirty</c>.</summary>
    private ReadOnlyMap<TKey, TValue> PromoteLocked()
    {
        var read = new ReadOnlyMap<TKey, TValue>(_dirty!.Freeze(), amended: false);
        Publish(read);
        _dirty = null;
        _misses = 0;
        return read;
    }

    /// <summary>
    /// Go <c>dirtyLocked</c>: copies <paramref name="read"/> into the new <paramref name="dirty"/>, leaving out deleted
    /// entries and expunging them, so that a later lock-free store cannot revive an entry that <c>dirty</c> lacks.
    /// Calls no user code: the buckets keep their keys' hash codes.
    /// </summary>
    private static void DirtyLocked(ReadOnlyMap<TKey, TValue> read, EntryTable<TKey, TValue> dirty)
    {
        foreach (var bucket in read.Entries)
        {
            StepDirtyKey(bucket.Key);
            if (!bucket.Entry!.TryExpungeLocked())
            {
                dirty.AddDistinct(bucket);
            }
        }
    }

    /// <summary>The <c>read</c> that Range iterates: an amended <c>dirty</c> is promoted first, so no key is missed.</summary>
    private ReadOnlyMap<TKey, TValue> ReadForRange()
    {
        var read = LoadReadOnly();
        StepBeginWithoutKey();
        if (!read.Amended)
        {
            return read;
        }

        lock (_mu)
        {
            read = LoadReadOnly();
            read = read.Amended ? PromoteLocked() : read;
            StepLockedWithoutKey("RangeLocked");
            return read;
        }
    }
}
