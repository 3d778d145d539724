namespace GoSync.Specs.Explaining;

/// <summary>
/// Places operations on a horizontal axis measured in characters, shared by the text and HTML timelines. Time is
/// compressed to the order of the timestamps (a gap of a thousand ticks takes no more room than a gap of one), and each
/// bar is stretched until its label fits.
/// </summary>
internal sealed class TimelineLayout
{
    private const int Gap = 2;
    private const int ReturnEvent = 0; // sorts before a call at the same timestamp
    private const int CallEvent = 1;

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
        // One column position per event: a return and a call at the same timestamp get positions of their own, the
        // return first, so that a process calling again at the instant its last call returned gets a bar that starts
        // after the last one ends. A call that returns at its own timestamp uses its call's position for both ends.
        var events = ops.Select(op => (Time: op.Call, Kind: CallEvent))
            .Concat(ops.Where(op => !op.IsPending && op.Return!.Value > op.Call).Select(op => (Time: op.Return!.Value, Kind: ReturnEvent)))
            .Distinct()
            .Order()
            .ToList();
        var rank = new Dictionary<(long, int), int>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            rank[events[i]] = i;
        }

        int CallRank(Operation op) => rank[(op.Call, CallEvent)];
        int ReturnRank(Operation op) => op.Return == op.Call ? CallRank(op) : rank[(op.Return!.Value, ReturnEvent)];

        var end = events.Count; // the rank where pending operations stop
        var endingAt = ops.ToLookup(op => op.IsPending ? end : ReturnRank(op));
        var pos = new int[end + 1];
        var floor = 0;
        for (var r = 0; r <= end; r++)
        {
            pos[r] = Math.Max(r == 0 ? 0 : pos[r - 1] + Gap, floor);
            foreach (var op in endingAt[r])
            {
                var c = CallRank(op);
                if (c < r)
                {
                    pos[r] = Math.Max(pos[r], pos[c] + label(op).Length + 1);
                }
            }

            foreach (var op in endingAt[r].Where(op => CallRank(op) == r))
            {
                floor = Math.Max(floor, pos[r] + label(op).Length + 1 + Gap);
            }
        }

        var bars = new Dictionary<Operation, (int, int)>(ops.Count);
        foreach (var op in ops)
        {
            var c = CallRank(op);
            var r = op.IsPending ? end : ReturnRank(op);
            bars[op] = (pos[c], c == r ? pos[c] + label(op).Length + 1 : pos[r]);
        }

        // A timestamp that is both a return and a call is labelled once, at the return.
        var ruler = events.Select((e, i) => (e.Time, pos[i])).DistinctBy(t => t.Time).ToList();
        return new TimelineLayout(bars, ruler, Math.Max(pos[end], bars.Values.Select(b => b.Item2).DefaultIfEmpty(0).Max()));
    }
}
