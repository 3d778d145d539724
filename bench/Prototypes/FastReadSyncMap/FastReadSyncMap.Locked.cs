using System.Runtime.CompilerServices;

namespace GoSync.Benchmarks.Prototypes.FastReadSyncMap;

public sealed partial class FastReadSyncMap<TKey, TValue>
{
    /// <summary>
    /// The entry an operation on an existing key acts on: from <c>read</c> without the lock, else from <c>dirty</c>
    /// under it, counting a miss. Null when the key is in neither. The lock-free part is small and has no lock in it,
    /// so the JIT inlines it into each load; the locked part is a call only on a miss with an amended read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Entry<TKey, TValue>? Find(TKey key)
    {
        ThrowIfNull(key);
        var read = LoadReadOnly();
        if (read.Entries.TryGetValue(key, out var e) || !read.Amended)
        {
            return e;
        }

        return FindLocked(key, removeFromDirty: false);
    }

    /// <summary><see cref="Find"/>, also removing a key found only in <c>dirty</c> from it (Go issue 40999).</summary>
    private Entry<TKey, TValue>? FindAndRemoveFromDirty(TKey key)
    {
        ThrowIfNull(key);
        var read = LoadReadOnly();
        if (read.Entries.TryGetValue(key, out var e) || !read.Amended)
        {
            return e;
        }

        return FindLocked(key, removeFromDirty: true);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Entry<TKey, TValue>? FindLocked(TKey key, bool removeFromDirty)
    {
        Entry<TKey, TValue>? e;
        lock (_mu)
        {
            // Re-check: dirty may have been promoted while this thread waited for the lock.
            var read = LoadReadOnly();
            if (!read.Entries.TryGetValue(key, out e) && read.Amended)
            {
                if (removeFromDirty)
                {
                    _dirty!.Remove(key, out e);
                }
                else
                {
                    _dirty!.TryGetValue(key, out e);
                }

                MissLocked();
            }
        }

        return e;
    }

    /// <summary>Adds a key that neither map holds; the first such key since a promotion creates <c>dirty</c>.</summary>
    private void AddToDirtyLocked(ReadOnlyMap<TKey, TValue> read, TKey key, object wrapped)
    {
        if (!read.Amended)
        {
            DirtyLocked();
            Publish(new ReadOnlyMap<TKey, TValue>(read.Entries, amended: true));
        }

        _dirty!.Set(new Entry<TKey, TValue>(key, _dirty.Hash(key), wrapped));
    }

    /// <summary>Go <c>missLocked</c>: once the slow path has cost as much as copying would, promote <c>dirty</c>.</summary>
    private void MissLocked()
    {
        _misses++;
        if (_misses < _dirty!.Count)
        {
            return;
        }

        Publish(new ReadOnlyMap<TKey, TValue>(_dirty, amended: false));
        _dirty = null;
        _misses = 0;
    }

    /// <summary>
    /// Go <c>dirtyLocked</c>: creates <c>dirty</c> as a copy of <c>read</c> that leaves out deleted entries, expunging
    /// them so that a later lock-free store cannot revive an entry that <c>dirty</c> lacks.
    /// </summary>
    private void DirtyLocked()
    {
        if (_dirty is not null)
        {
            return;
        }

        var read = LoadReadOnly();
        var dirty = new EntryTable<TKey, TValue>(read.Entries.Count, _keyComparer);
        foreach (var (key, e) in read.Entries)
        {
            if (!e.TryExpungeLocked())
            {
                dirty.Set(e);
            }
        }

        _dirty = dirty;
    }

    /// <summary>The <c>read</c> that Range iterates: an amended <c>dirty</c> is promoted first, so no key is missed.</summary>
    private ReadOnlyMap<TKey, TValue> ReadForRange()
    {
        var read = LoadReadOnly();
        if (!read.Amended)
        {
            return read;
        }

        lock (_mu)
        {
            read = LoadReadOnly();
            if (read.Amended)
            {
                read = new ReadOnlyMap<TKey, TValue>(_dirty!, amended: false);
                Publish(read);
                _dirty = null;
                _misses = 0;
            }
        }

        return read;
    }
}
