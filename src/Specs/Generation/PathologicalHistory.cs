namespace GoSync.Specs.Generation;

/// <summary>
/// A history that defeats the memo: many overlapping Stores to one key, then a Load of a value none of them wrote. Every
/// order of the Stores has to be tried before the checker may say no, and the memo cannot merge orders that end on
/// different values, so the search visits about <c>n · 2^(n-1)</c> configurations.
/// </summary>
public static class PathologicalHistory
{
    /// <summary>Builds the history.</summary>
    /// <param name="stores">How many concurrent Stores; 40 is far beyond any budget, 6 is decided at once.</param>
    /// <returns>A history that is not linearisable, and hard to prove so.</returns>
    public static History Build(int stores)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stores);
        var ops = new List<Operation>(stores + 1);
        for (var i = 0; i < stores; i++)
        {
            ops.Add(new Operation(i + 1, OpKind.Store, "hot", (long)i, null, call: i + 1, @return: stores + i + 1));
        }

        var end = (2L * stores) + 1;
        ops.Add(new Operation(stores + 1, OpKind.Load, "hot", null, null, end, end + 1, ok: true, value: -1L));
        return new History(ops);
    }
}
