using System.Diagnostics.CodeAnalysis;
using NonBlocking;

namespace GoSync.Benchmarks.Maps;

/// <summary>
/// <c>NonBlocking.ConcurrentDictionary</c> (the NonBlocking package): a lock-free hash table with the API of
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/>, used exactly as that one is.
/// </summary>
internal readonly struct NonBlockingDictionaryAdapter : ITypedMap<NonBlockingDictionaryAdapter, long, object>
{
    private readonly ConcurrentDictionary<long, object> _map;

    private NonBlockingDictionaryAdapter(ConcurrentDictionary<long, object> map) => _map = map;

    public static NonBlockingDictionaryAdapter CreateEmpty() => new(new ConcurrentDictionary<long, object>());

    public bool TryLoad(long key, [MaybeNullWhen(false)] out object value) => _map.TryGetValue(key, out value);

    public void Store(long key, object value) => _map[key] = value;

    public object LoadOrStore(long key, object value, out bool loaded)
    {
        // GetOrAdd does not say which happened; a lock-free read first, as GetOrAdd itself does, then TryAdd.
        while (true)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                loaded = true;
                return existing;
            }

            if (_map.TryAdd(key, value))
            {
                loaded = false;
                return value;
            }
        }
    }

    public bool TryLoadAndDelete(long key, [MaybeNullWhen(false)] out object value) => _map.TryRemove(key, out value);

    public void Delete(long key) => _map.TryRemove(key, out _);

    public bool Swap(long key, object value, out object? previous)
    {
        // No atomic exchange in the API: read, then replace exactly what was read (TryUpdate compares with Equals).
        while (true)
        {
            if (_map.TryGetValue(key, out var old))
            {
                if (_map.TryUpdate(key, value, old))
                {
                    previous = old;
                    return true;
                }
            }
            else if (_map.TryAdd(key, value))
            {
                previous = null;
                return false;
            }
        }
    }

    public bool CompareAndSwap(long key, object expected, object value) => _map.TryUpdate(key, value, expected);

    public bool CompareAndDelete(long key, object expected) =>
        _map.TryRemove(KeyValuePair.Create(key, expected));

    public void Range(Func<long, object, bool> visit)
    {
        foreach (var (key, value) in _map)
        {
            if (!visit(key, value))
            {
                return;
            }
        }
    }

    public void Clear() => _map.Clear();
}
