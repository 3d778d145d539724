namespace GoSync.Specs.Explaining;

/// <summary>
/// Places operations on a horizontal axis measured in characters, shared by the text and HTML timelines. Time is
/// compressed to the order of the timestamps (a gap of a thousand ticks takes no more room than a gap of one), and each
/// bar is stretched until its label fits.
/// </summary>
internal sealed class TimelineLayout
{
    private const int Gap = 2;

    private TimelineLayout(Dictionary<Operation, (int Start, int End)> bars, List<(long Time, int At)> ruler, int width)
    {
        Bars = bars;
        Ruler = ruler;
        Width = width;
    }

    /// <summary>Each operation's first and last column; a pending one ends at <see cref="Width"/>.</summary>
    public Dictionary<Operation, (int Start, int End)> Bars { get; }

    /// <summary>Timestamps and their columns.</summary>
    public List<(long Time, int At)> Ruler { get; }

    /// <summary>The last column used.</summary>
    public int Width { get; }

    public static TimelineLayout Compute(IReadOnlyList<Operation> ops, Func<Operation, string> label)
    {
        var times = ops.Select(op => op.Call)
            .Concat(ops.Where(op => !op.IsPending).Select(op => op.Return!.Value))
            .Distinct()
            .Order()
            .ToList();
        var rank = new Dictionary<long, int>(times.Count);
        for (var i = 0; i < times.Count; i++)
        {
            rank[times[i]] = i;
        }

        var end = times.Count; // the rank where pending operations stop
        var endingAt = ops.ToLookup(op => op.IsPending ? end : rank[op.Return!.Value]);
        var pos = new int[end + 1];
        var floor = 0;
        for (var r = 0; r <= end; r++)
        {
            pos[r] = Math.Max(r == 0 ? 0 : pos[r - 1] + Gap, floor);
            foreach (var op in endingAt[r])
            {
                var c = rank[op.Call];
                if (c < r)
                {
                    pos[r] = Math.Max(pos[r], pos[c] + label(op).Length + 1);
                }
            }

            foreach (var op in endingAt[r].Where(op => rank[op.Call] == r))
            {
                floor = Math.Max(floor, pos[r] + label(op).Length + 1 + Gap);
            }
        }

        var bars = new Dictionary<Operation, (int, int)>(ops.Count);
        foreach (var op in ops)
        {
            var c = rank[op.Call];
            var r = op.IsPending ? end : rank[op.Return!.Value];
            bars[op] = (pos[c], c == r ? pos[c] + label(op).Length + 1 : pos[r]);
        }

        var ruler = times.Select((t, i) => (t, pos[i])).ToList();
        return new TimelineLayout(bars, ruler, Math.Max(pos[end], bars.Values.Select(b => b.Item2).DefaultIfEmpty(0).Max()));
    }
}
