using System.Globalization;
using System.Net;
using System.Text;
using GoSync.Specs.Checking;
using GoSync.Specs.Explaining;

namespace GoSync.Specs;

/// <summary>
/// A self-contained HTML page (no external assets, no script) of a history and its verdict, in the spirit of
/// Porcupine's visualisation: one section per key, one lane per process, each call a bar from its call to its return.
/// For a violation the failing key comes first, its bars numbered in the order of the longest linearisable prefix and
/// the call that could not be placed in red, followed by the text explanation.
/// </summary>
public static class HtmlTimeline
{
    private const int MaxSections = 64;
    private const int MaxOpsPerSection = 400;

    /// <summary>Renders the page.</summary>
    /// <param name="history">The history checked.</param>
    /// <param name="result">The checker's result for it.</param>
    /// <returns>A complete HTML document.</returns>
    public static string Render(History history, CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(result);
        // The partitions the checker split, not a fresh split: the page shows exactly what was checked.
        return Render(history, result, [.. result.Partitioned]);
    }

    /// <summary>
    /// Renders the page of a history that was never checked: an iteration that failed (an invariant, a deadlock)
    /// before its history reached the checker. Its verdict reads "Not checked"; checking it is the caller's choice.
    /// </summary>
    /// <param name="history">The history.</param>
    /// <returns>A complete HTML document.</returns>
    public static string RenderUnchecked(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Render(history, result: null, Partitioner.Split(history).Partitions);
    }

    private static string Render(History history, CheckResult? result, List<Partition> partitions)
    {
        var b = new StringBuilder();
        var (title, css) = result?.Verdict switch
        {
            Verdict.Linearizable => ("Linearizable", "ok"),
            Verdict.NotLinearizable => ("Not linearizable", "bad"),
            null => ("Not checked", "unknown"),
            _ => ("Unknown", "unknown"),
        };
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>GoSync history: ")
            .Append(title).Append("</title>\n<style>\n").Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n");
        b.Append("<h1 class=\"verdict ").Append(css).Append("\">").Append(title).Append("</h1>\n");
        b.Append("<p class=\"summary\">").Append(history.Operations.Count).Append(" operations from ")
            .Append(history.Operations.Select(op => op.Process).Distinct().Count()).Append(" processes over ")
            .Append(partitions.Count).Append(" keys");
        if (result is not null)
        {
            b.Append("; checked in ")
                .Append(result.Elapsed.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)).Append(" ms");
        }

        b.Append(".</p>\n");
        if (result?.Violation is { } v)
        {
            b.Append("<section class=\"partition failing\">\n<h2>Key ").Append(E(Scalar.Format(v.Key)))
                .Append(": no linearization</h2>\n");
            AppendLanes(b, v.Operations, op => TextTimeline.Label(op, v), op => Class(op, v));
            b.Append("<pre class=\"explanation\">").Append(E(result.Explanation)).Append("</pre>\n</section>\n");
            partitions.RemoveAll(p => Equals(p.Key, v.Key));
        }
        else if (result is not null)
        {
            b.Append("<pre class=\"explanation\">").Append(E(result.Explanation)).Append("</pre>\n");
        }

        AppendOtherKeys(b, partitions, result?.Violation is null);
        b.Append(HtmlStyle.Legend).Append("</body>\n</html>\n");
        return b.ToString();
    }

    private static void AppendOtherKeys(StringBuilder b, List<Partition> partitions, bool open)
    {
        if (partitions.Count == 0)
        {
            return;
        }

        b.Append("<h2>").Append(open ? "Keys" : "The other keys").Append("</h2>\n");
        foreach (var partition in partitions.Take(MaxSections))
        {
            var ops = partition.Operations();
            b.Append("<details class=\"partition\"").Append(open && partitions.Count <= 8 ? " open" : string.Empty)
                .Append("><summary>Key ").Append(E(Scalar.Format(partition.Key))).Append(" (").Append(ops.Count)
                .Append(" operations)</summary>\n");
            if (ops.Count > MaxOpsPerSection)
            {
                b.Append("<p class=\"note\">The first ").Append(MaxOpsPerSection).Append(" operations.</p>\n");
                ops = [.. ops.Take(MaxOpsPerSection)];
            }

            AppendLanes(b, ops, op => TextTimeline.KeyView(op, partition.Key), _ => "op");
            b.Append("</details>\n");
        }

        if (partitions.Count > MaxSections)
        {
            b.Append("<p class=\"note\">").Append(partitions.Count - MaxSections).Append(" more keys are not shown.</p>\n");
        }
    }

    private static void AppendLanes(StringBuilder b, IReadOnlyList<Operation> ops, Func<Operation, string> label, Func<Operation, string> css)
    {
        var layout = TimelineLayout.Compute(ops, label);
        // The scroll box keeps a timeline wider than the window from widening the page: it scrolls on its own.
        b.Append("<div class=\"scroll\">\n<div class=\"timeline\" style=\"width:").Append(layout.Width + 8).Append("ch\">\n<div class=\"ruler\">");
        var free = 0;
        foreach (var (time, at) in layout.Ruler)
        {
            var text = time.ToString(CultureInfo.InvariantCulture);
            if (at >= free)
            {
                b.Append("<span style=\"left:").Append(at).Append("ch\">").Append(text).Append("</span>");
                free = at + text.Length + 1;
            }
        }

        b.Append("</div>\n");
        foreach (var lane in ops.GroupBy(op => op.Process).OrderBy(g => g.Key))
        {
            b.Append("<div class=\"lane\"><span class=\"process\">P").Append(lane.Key).Append("</span><div class=\"track\">");
            foreach (var op in lane)
            {
                var (start, end) = layout.Bars[op];
                var where = op.Line > 0 ? $" (line {op.Line})" : string.Empty;
                b.Append("<div class=\"").Append(css(op)).Append(op.IsPending ? " pending" : string.Empty)
                    .Append("\" style=\"left:").Append(start).Append("ch;width:").Append(end - start + 1)
                    .Append("ch\" title=\"").Append(E(op + where)).Append("\">").Append(E(label(op))).Append("</div>");
            }

            b.Append("</div></div>\n");
        }

        b.Append("</div>\n</div>\n");
    }

    private static string Class(Operation op, Violation v) =>
        op == v.Unplaced ? "op unplaced" : v.LinearizedPrefix.Any(s => s.Operation == op) ? "op placed" : "op";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
