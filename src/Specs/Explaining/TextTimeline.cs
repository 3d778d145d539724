using System.Text;

namespace GoSync.Specs.Explaining;

/// <summary>
/// The text explanation of a violation: the failing key's operations as bars on one lane per process, then the
/// longest linearisable prefix and the step that could not be placed.
/// </summary>
internal static class TextTimeline
{
    /// <summary>Past this many operations the timeline shows only those around the failure.</summary>
    private const int MaxShown = 16;

    /// <summary>How many of the last placed operations the window keeps before the failure.</summary>
    private const int ContextSteps = 6;

    private const int MaxLabel = 48;

    public static string Explain(Violation v)
    {
        var b = new StringBuilder();
        var processes = v.Operations.Select(op => op.Process).Distinct().Count();
        b.Append("NOT LINEARIZABLE: key ").Append(Scalar.Format(v.Key)).Append(", ")
            .Append(v.Operations.Count).Append(v.Operations.Count == 1 ? " operation" : " operations")
            .Append(" from ").Append(processes).Append(processes == 1 ? " process" : " processes").Append('\n');
        var shown = Window(v);
        if (shown.Count < v.Operations.Count)
        {
            b.Append("(showing the ").Append(shown.Count).Append(" operations around the failure)\n");
        }

        b.Append('\n').Append(Lanes(shown, v)).Append('\n');
        b.Append("Longest linearizable prefix (").Append(v.LinearizedPrefix.Count).Append(v.LinearizedPrefix.Count == 1 ? " step)" : " steps)")
            .Append(v.LinearizedPrefix.Count == 0 ? ": none" : ":").Append('\n');
        var width = v.LinearizedPrefix.Select(s => s.Description.Length).DefaultIfEmpty(0).Max();
        for (var i = 0; i < v.LinearizedPrefix.Count; i++)
        {
            var s = v.LinearizedPrefix[i];
            b.Append($"  {i + 1,3}. P{s.Operation.Process,-3} ").Append(s.Description.PadRight(width))
                .Append(' ').Append(OpText.Interval(s.Operation).PadRight(14))
                .Append(" then ").Append(Scalar.Format(v.Key)).Append(" is ").Append(s.StateAfter).Append('\n');
        }

        b.Append("Could not place: P").Append(v.Unplaced.Process).Append(' ').Append(v.UnplacedStep)
            .Append(' ').Append(OpText.Interval(v.Unplaced)).Append('\n');
        b.Append("  ").Append(v.Reason).Append('\n');
        return b.ToString();
    }

    /// <summary>The bars' labels in a key's timeline: ordinal in the prefix, or a cross for the unplaced step.</summary>
    public static string Label(Operation op, Violation v)
    {
        var index = -1;
        for (var i = 0; i < v.LinearizedPrefix.Count && index < 0; i++)
        {
            index = v.LinearizedPrefix[i].Operation == op ? i : -1;
        }

        var mark = index >= 0 ? $"#{index + 1} " : op == v.Unplaced ? "✗ " : string.Empty;
        var text = mark + KeyView(op, v.Key);
        return text.Length > MaxLabel ? text[..(MaxLabel - 1)] + "…" : text;
    }

    /// <summary>An operation as it concerns one key: a Range shows only what it saw of that key.</summary>
    public static string KeyView(Operation op, object key)
    {
        if (op.Kind != OpKind.Range || op.IsPending)
        {
            return OpText.Describe(op);
        }

        var saw = op.Visited.Where(p => Equals(p.Key, key)).ToList();
        return saw.Count switch
        {
            0 when op.Stopped => $"Range (stopped before {Scalar.Format(key)})",
            0 => $"Range (missed {Scalar.Format(key)})",
            1 => $"Range saw {Scalar.Format(key)}: {Scalar.Format(saw[0].Value)}",
            _ => $"Range saw {Scalar.Format(key)} {saw.Count} times",
        };
    }

    /// <summary>One lane per process, bars as <c>[label---]</c>, a pending call as <c>[label---&gt;</c>; a time ruler on top.</summary>
    public static string Lanes(IReadOnlyList<Operation> ops, Violation v)
    {
        var layout = TimelineLayout.Compute(ops, op => Label(op, v));
        var b = new StringBuilder();
        var ruler = new StringBuilder();
        foreach (var (time, at) in layout.Ruler)
        {
            var text = time.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (at >= ruler.Length + (ruler.Length == 0 ? 0 : 1))
            {
                ruler.Append(' ', at - ruler.Length).Append(text);
            }
        }

        b.Append("time  ").Append(ruler).Append('\n');
        foreach (var lane in ops.GroupBy(op => op.Process).OrderBy(g => g.Key))
        {
            var row = new char[layout.Width + 1];
            Array.Fill(row, ' ');
            foreach (var op in lane)
            {
                var (start, end) = layout.Bars[op];
                var label = Label(op, v);
                row[start] = '[';
                for (var i = start + 1; i < end; i++)
                {
                    row[i] = i - start - 1 < label.Length ? label[i - start - 1] : '-';
                }

                row[end] = op.IsPending ? '>' : ']';
            }

            b.Append(("P" + lane.Key).PadRight(6)).Append(new string(row).TrimEnd()).Append('\n');
        }

        return b.ToString();
    }

    // A long partition is cut to the window from the last few placed steps to the failure.
    private static List<Operation> Window(Violation v)
    {
        if (v.Operations.Count <= MaxShown)
        {
            return [.. v.Operations];
        }

        var from = v.LinearizedPrefix.TakeLast(ContextSteps).Select(s => s.Operation.Call)
            .Append(v.Unplaced.Call).Min();
        var to = v.Unplaced.Return ?? long.MaxValue;
        return [.. v.Operations.Where(op => op.Call <= to && (op.Return ?? long.MaxValue) >= from)];
    }
}
