using System.Text;
using GoSync.Specs;

namespace GoSync.StepLog;

/// <summary>
/// A step log as an interleaving in text (for <c>failure.txt</c>): one column per thread, one row per atomic step, each
/// with its TLA+ action, C# method, key, entry and slot before → after; a call is marked ▶ on its Begin, a return ◀ on
/// the step that completes it, and the step at which the check failed ✗.
/// </summary>
public static class InterleavingText
{
    private const int MaxColumn = 64;

    /// <summary>Renders <paramref name="log"/>, marking <paramref name="failingLine"/>.</summary>
    public static string Render(StepLog log, int? failingLine)
    {
        ArgumentNullException.ThrowIfNull(log);
        var shown = Interleaving.Shown(log, failingLine);
        var threads = log.Threads;
        var cells = shown.ToDictionary(l => l.I, l => Interleaving.Cell(l).Select(Clip).ToList());
        var widths = threads.ToDictionary(t => t, t => Math.Max(4, shown.Where(l => l.T == t).SelectMany(l => cells[l.I]).Select(c => c.Length).DefaultIfEmpty(0).Max()));
        var b = new StringBuilder();
        b.Append("Interleaving: ").Append(log.Steps.Count()).Append(" atomic steps of ").Append(threads.Count)
            .Append(" threads (P0 sets up and checks); ▶ call, ◀ return, 🔒 holds the lock, ✗ where the check failed\n\n");
        b.Append("      ");
        foreach (var t in threads)
        {
            b.Append(("P" + t).PadRight(widths[t] + 2));
        }

        b.Append('\n');
        foreach (var line in shown)
        {
            var rows = cells[line.I];
            for (var r = 0; r < rows.Count; r++)
            {
                var mark = line.I == failingLine ? "✗" : " ";
                b.Append(r == 0 ? $"{mark}{line.I,4} " : "      ");
                foreach (var t in threads)
                {
                    var text = t == line.T ? rows[r] : "";
                    b.Append(text.PadRight(widths[t] + 2));
                }

                b.Append('\n');
            }
        }

        var hidden = log.Lines.Count - shown.Count;
        if (hidden > 0)
        {
            b.Append("      (").Append(hidden).Append(" more steps of P0's final checks not shown: steps.ndjson has them)\n");
        }

        return b.ToString().Replace(new string(' ', 2) + "\n", "\n", StringComparison.Ordinal);
    }

    private static string Clip(string text) => text.Length <= MaxColumn ? text : text[..(MaxColumn - 1)] + "…";
}

/// <summary>What the text and HTML interleavings share: which lines they show and what a step's cell says.</summary>
public static class Interleaving
{
    /// <summary>
    /// The lines shown: all of them up to the last step of any thread but P0 or the failing line, whichever is later;
    /// P0's final checks after that are left out (the log file has them).
    /// </summary>
    public static IReadOnlyList<StepLine> Shown(StepLog log, int? failingLine)
    {
        ArgumentNullException.ThrowIfNull(log);
        var lastConcurrent = log.Lines.LastOrDefault(l => l.T != 0)?.I ?? log.Lines.Count - 1;
        var last = Math.Max(lastConcurrent, failingLine ?? -1);
        // Finish the operation that is in progress there, so that its return shows.
        var end = log.Lines.Skip(last + 1).FirstOrDefault(l => l.Ret is not null || l.Op is not null) is { Ret: not null } finishing ? finishing.I : last;
        return [.. log.Lines.Take(end + 1)];
    }

    /// <summary>
    /// The text of a step, one string per row: the call it begins (▶), the action with its method, the key, entry and
    /// slot change, and the result it returns (◀).
    /// </summary>
    public static IReadOnlyList<string> Cell(StepLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Kind == LineKind.Threw)
        {
            return [$"✗ threw {line.Exception}"];
        }

        var rows = new List<string>();
        if (line.Op is { } op)
        {
            rows.Add($"▶ {op}");
        }

        rows.Add($"{line.Action}{(line.Lock == line.T ? " 🔒" : "")}  {line.Method}");
        var detail = Detail(line);
        if (detail.Length > 0)
        {
            rows.Add("  " + detail);
        }

        if (line.Ret is { } ret)
        {
            rows.Add($"◀ {ret}");
        }

        return rows;
    }

    /// <summary>Key, entry and slot: for example <c>key 1 e3: nil → 2</c>.</summary>
    public static string Detail(StepLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = new List<string>();
        if (line.HasKey)
        {
            parts.Add($"key {Scalar.Format(line.Key)}");
        }

        if (line.HasEntry)
        {
            parts.Add(line.Entry is { } id ? $"e{id}" : "no entry");
        }

        var detail = string.Join(" ", parts);
        if (line.Before is { } before && line.After is { } after)
        {
            detail += before == after ? $": {before}" : $": {before} → {after}";
        }

        if (line.Visit is { } visit)
        {
            detail += $": visit({Scalar.Format(line.Key)}, {visit})";
        }

        if (line.Tables is { } tables)
        {
            detail += (detail.Length > 0 ? "; " : "") + Tables(tables);
        }

        return detail;
    }

    /// <summary>For example <c>read {1:e1 2:e2} amended, dirty {1:e1 3:e3}, misses 1</c>.</summary>
    public static string Tables(LoggedTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        static string Pairs(IReadOnlyList<KeyValuePair<object, int>> pairs) =>
            "{" + string.Join(" ", pairs.Select(p => $"{Scalar.Format(p.Key)}:e{p.Value}")) + "}";
        return $"read {Pairs(tables.Read)}{(tables.Amended ? " amended" : "")}, dirty {(tables.Dirty is { } d ? Pairs(d) : "none")}, misses {tables.Misses}";
    }
}
