using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace GoSync.Benchmarks.Maps;

/// <summary>
/// A <see cref="Dictionary{TKey, TValue}"/> guarded by one <see cref="Lock"/> for every operation: the simplest
/// thread-safe map, and often the fastest when threads rarely meet.
/// </summary>
internal readonly struct LockDictionary : ITypedMap<LockDictionary, long, object>
{
    private readonly Dictionary<long, object> _map;
    private readonly Lock _lock;

    private LockDictionary(Dictionary<long, object> map, Lock mapLock)
    {
        _map = map;
        _lock = mapLock;
    }

    public static LockDictionary CreateEmpty() => new(new Dictionary<long, object>(), new Lock());

    public bool TryLoad(long key, [MaybeNullWhen(false)] out object value)
    {
        lock (_lock)
        {
            return _map.TryGetValue(key, out value);
        }
    }

    public void Store(long key, object value)
    {
        lock (_lock)
        {
            _map[key] = value;
        }
    }

    public object LoadOrStore(long key, object value, out bool loaded)
    {
        lock (_lock)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_map, key, out loaded);
            if (!loaded)
            {
                slot = value;
            }

            return slot!;
        }
    }

    public bool TryLoadAndDelete(long key, [MaybeNullWhen(false)] out object value)
    {
        lock (_lock)
        {
            return _map.Remove(key, out value);
        }
    }

    public void Delete(long key) => TryLoadAndDelete(key, out _);

    public bool Swap(long key, object value, out object? previous)
    {
        lock (_lock)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_map, key, out var loaded);
            previous = slot;
            slot = value;
            return loaded;
        }
    }

    public bool CompareAndSwap(long key, object expected, object value)
    {
        lock (_lock)
        {
            if (!_map.TryGetValue(key, out var current) || !Equals(current, expected))
            {
                return false;
            }

            _map[key] = value;
            return true;
        }
    }

    public bool CompareAndDelete(long key, object expected)
    {
        lock (_lock)
        {
            return _map.TryGetValue(key, out var current) && Equals(current, expected) && _map.Remove(key);
        }
    }

    public void Range(Func<long, object, bool> visit)
    {
        KeyValuePair<long, object>[] pairs;
        int count;
        lock (_lock)
        {
            pairs = RangeSnapshot.Copy(_map, out count);
        }

        RangeSnapshot.Visit(pairs, count, visit);
    }

    public void Clear()
    {
        lock (_lock)
        {
            _map.Clear();
        }
    }
}
