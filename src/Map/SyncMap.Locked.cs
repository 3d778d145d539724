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

        _dirty!.Set(key, new Entry<TValue>(wrapped));
    }

    /// <summary>Go <c>missLocked</c>: once the slow path has cost as much as copying would, promote <c>dirty</c>.</summary>
    private void MissLocked()
    {
        _misses++;
        if (_misses < _dirty!.Count)
        {
            return;
        }

        Publish(new ReadOnlyMap<TKey, TValue>(_dirty.Freeze(), amended: false));
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
                dirty.Set(key, e);
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
                read = new ReadOnlyMap<TKey, TValue>(_dirty!.Freeze(), amended: false);
                Publish(read);
                _dirty = null;
                _misses = 0;
            }
        }

        return read;
    }
}
