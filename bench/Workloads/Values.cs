namespace GoSync.Benchmarks.Workloads;

/// <summary>
/// The values workloads store: boxed longs made once, so the loops allocate nothing themselves and every byte the
/// memory diagnoser counts is the map's own. Go's workloads store <c>i</c> as an <c>any</c>; only hit keys' values are
/// ever compared, and those are below 1024, so one shared box per residue keeps every comparison Go makes.
/// </summary>
internal static class Values
{
    private const int Count = 1024;

    private static readonly object[] Boxes = CreateBoxes();

    /// <summary>The shared box for <paramref name="n"/> modulo 1024 (n ≥ 0).</summary>
    public static object Of(long n) => Boxes[n & (Count - 1)];

    private static object[] CreateBoxes()
    {
        var boxes = new object[Count];
        for (var i = 0; i < Count; i++)
        {
            boxes[i] = (long)i;
        }

        return boxes;
    }
}
