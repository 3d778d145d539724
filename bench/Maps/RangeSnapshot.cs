using System.Buffers;

namespace GoSync.Benchmarks.Maps;

/// <summary>
/// Range for the lock-guarded dictionaries: copy the pairs while holding the lock, then visit them without it, so that
/// the callback may call the map (Go's RWMutexMap copies the keys for the same reason). The copy goes into a pooled
/// array, as a .NET user would write it, so Range allocates nothing.
/// </summary>
internal static class RangeSnapshot
{
    /// <summary>Copies <paramref name="source"/> into a rented array; the caller holds the lock and returns the array.</summary>
    public static KeyValuePair<long, object>[] Copy(Dictionary<long, object> source, out int count)
    {
        var pairs = ArrayPool<KeyValuePair<long, object>>.Shared.Rent(Math.Max(source.Count, 1));
        count = 0;
        foreach (var pair in source)
        {
            pairs[count++] = pair;
        }

        return pairs;
    }

    /// <summary>Visits the copied pairs, then returns the array to the pool.</summary>
    public static void Visit(KeyValuePair<long, object>[] pairs, int count, Func<long, object, bool> visit)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (!visit(pairs[i].Key, pairs[i].Value))
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<KeyValuePair<long, object>>.Shared.Return(pairs, clearArray: true);
        }
    }
}
