using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace GoSync.Benchmarks.Maps;

/// <summary>
/// <see cref="ConcurrentDictionary{TKey, TValue}"/>, the map a .NET user picks by default, used the way such a user
/// would write each of Go's operations with its public API.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <typeparam name="THashing">Which key comparer it is given (<see cref="DefaultHashing{TKey}"/>: none).</typeparam>
internal readonly struct ConcurrentDictionaryAdapter<TKey, TValue, THashing>
    : ITypedMap<ConcurrentDictionaryAdapter<TKey, TValue, THashing>, TKey, TValue>
    where TKey : notnull
    where THashing : struct, IHashing<TKey>
{
    private readonly ConcurrentDictionary<TKey, TValue> _map;

    private ConcurrentDictionaryAdapter(ConcurrentDictionary<TKey, TValue> map) => _map = map;

    public static ConcurrentDictionaryAdapter<TKey, TValue, THashing> CreateEmpty() =>
        new(new ConcurrentDictionary<TKey, TValue>(THashing.Comparer));

    public bool TryLoad(TKey key, [MaybeNullWhen(false)] out TValue value) => _map.TryGetValue(key, out value);

    public void Store(TKey key, TValue value) => _map[key] = value;

    public TValue LoadOrStore(TKey key, TValue value, out bool loaded)
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

    public bool TryLoadAndDelete(TKey key, [MaybeNullWhen(false)] out TValue value) => _map.TryRemove(key, out value);

    public void Delete(TKey key) => _map.TryRemove(key, out _);

    public bool Swap(TKey key, TValue value, out TValue? previous)
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
                previous = default;
                return false;
            }
        }
    }

    public bool CompareAndSwap(TKey key, TValue expected, TValue value) => _map.TryUpdate(key, value, expected);

    public bool CompareAndDelete(TKey key, TValue expected) =>
        _map.TryRemove(KeyValuePair.Create(key, expected));

    public void Range(Func<TKey, TValue, bool> visit)
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

/// <summary>The key comparer a <see cref="ConcurrentDictionaryAdapter{TKey, TValue, THashing}"/> is created with.</summary>
internal interface IHashing<TKey>
{
    static abstract IEqualityComparer<TKey>? Comparer { get; }
}

/// <summary>No comparer: what a user writes, and what lets ConcurrentDictionary hash strings non-randomly.</summary>
internal readonly struct DefaultHashing<TKey> : IHashing<TKey>
{
    public static IEqualityComparer<TKey>? Comparer => null;
}

/// <summary>
/// The default comparer behind a wrapper ConcurrentDictionary does not recognise, so that it hashes strings with
/// .NET's randomised hashing, as SyncMap does, instead of switching to its non-randomised string comparer (which it
/// leaves for the randomised one only once a bucket holds 100 colliding keys). Only for measuring that difference.
/// </summary>
internal readonly struct RandomizedHashing<TKey> : IHashing<TKey>
{
    private static readonly IEqualityComparer<TKey> Wrapped = new Wrapper();

    public static IEqualityComparer<TKey>? Comparer => Wrapped;

    private sealed class Wrapper : IEqualityComparer<TKey>
    {
        public bool Equals(TKey? x, TKey? y) => EqualityComparer<TKey>.Default.Equals(x, y);

        public int GetHashCode(TKey obj) => EqualityComparer<TKey>.Default.GetHashCode(obj!);
    }
}
