using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace GoSync.Benchmarks.Maps;

/// <summary>
/// Go's <c>RWMutexMap</c>: a <see cref="Dictionary{TKey, TValue}"/> guarded by a <see cref="ReaderWriterLockSlim"/>.
/// Loads and Range's copy take the read lock; every other operation takes the write lock, as in Go.
/// </summary>
internal readonly struct ReaderWriterLockDictionary : ITypedMap<ReaderWriterLockDictionary, long, object>
{
    private readonly Dictionary<long, object> _map;
    private readonly ReaderWriterLockSlim _lock;

    private ReaderWriterLockDictionary(Dictionary<long, object> map, ReaderWriterLockSlim rwLock)
    {
        _map = map;
        _lock = rwLock;
    }

    public static ReaderWriterLockDictionary CreateEmpty() =>
        new(new Dictionary<long, object>(), new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion));

    public bool TryLoad(long key, [MaybeNullWhen(false)] out object value)
    {
        _lock.EnterReadLock();
        try
        {
            return _map.TryGetValue(key, out value);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Store(long key, object value)
    {
        _lock.EnterWriteLock();
        try
        {
            _map[key] = value;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public object LoadOrStore(long key, object value, out bool loaded)
    {
        _lock.EnterWriteLock();
        try
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_map, key, out loaded);
            if (!loaded)
            {
                slot = value;
            }

            return slot!;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool TryLoadAndDelete(long key, [MaybeNullWhen(false)] out object value)
    {
        _lock.EnterWriteLock();
        try
        {
            return _map.Remove(key, out value);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Delete(long key) => TryLoadAndDelete(key, out _);

    public bool Swap(long key, object value, out object? previous)
    {
        _lock.EnterWriteLock();
        try
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_map, key, out var loaded);
            previous = slot;
            slot = value;
            return loaded;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool CompareAndSwap(long key, object expected, object value)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_map.TryGetValue(key, out var current) || !Equals(current, expected))
            {
                return false;
            }

            _map[key] = value;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool CompareAndDelete(long key, object expected)
    {
        _lock.EnterWriteLock();
        try
        {
            return _map.TryGetValue(key, out var current) && Equals(current, expected) && _map.Remove(key);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Range(Func<long, object, bool> visit)
    {
        KeyValuePair<long, object>[] pairs;
        int count;
        _lock.EnterReadLock();
        try
        {
            pairs = RangeSnapshot.Copy(_map, out count);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        RangeSnapshot.Visit(pairs, count, visit);
    }

    public void Clear()
    {
        _lock.EnterWriteLock();
        try
        {
            _map.Clear();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
