using System.Net;
using System.Text;

namespace GoSync.StepLog;

/// <summary>
/// A step log as an interleaving in HTML, a section for the timeline page (<c>timeline.html</c>): a table with one
/// column per thread and one row per atomic step; the call and return of each operation marked, the cells of a thread
/// holding the lock tinted, and the row of the step at which the check failed highlighted.
/// </summary>
public static class InterleavingHtml
{
    private const string Css = """
        .interleaving { border-collapse: collapse; font: 12px/1.3 ui-monospace, monospace; margin: .5em 0 1em; }
        .interleaving th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid #888; text-align: left; padding: .2em .6em; }
        .interleaving td { border-bottom: 1px solid #eee; padding: .15em .6em; vertical-align: top; min-width: 16ch; }
        .interleaving td.i { color: #888; text-align: right; min-width: 0; }
        .interleaving .action { font-weight: 600; }
        .interleaving .method { color: #777; }
        .interleaving .call { color: #1f5fa8; font-weight: 600; }
        .interleaving .ret { color: #2e7d32; font-weight: 600; }
        .interleaving .threw { color: #c0392b; font-weight: 600; }
        .interleaving td.locked { background: #fff6d5; }
        .interleaving tr.failing td { background: #f8d7d7; border-top: 2px solid #c0392b; border-bottom: 2px solid #c0392b; }
        .interleaving tr.failing td.i::before { content: "✗ "; color: #c0392b; font-weight: 700; }

        """;

    /// <summary>The section: a heading, a one-line key, and the table.</summary>
    public static string Section(StepLog log, int? failingLine)
    {
        ArgumentNullException.ThrowIfNull(log);
        var shown = Interleaving.Shown(log, failingLine);
        var threads = log.Threads;
        var b = new StringBuilder();
        b.Append("<section class=\"steps\">\n<style>\n").Append(Css).Append("</style>\n");
        b.Append("<h2>Interleaving: ").Append(log.Steps.Count()).Append(" atomic steps of ").Append(threads.Count).Append(" threads</h2>\n");
        b.Append("<p class=\"note\">One column per thread (P0 sets up and checks), one row per atomic step of <code>tla/SyncMap.tla</code>: ")
            .Append("its action, the C# method, key, entry and slot before → after. <span class=\"call\">▶</span> a call, ")
            .Append("<span class=\"ret\">◀</span> its return; a yellow cell holds the map's lock; ")
            .Append(failingLine is { } f ? $"the red row (step {f}) is where the check failed" : "no failing step is known")
            .Append(". The whole log is <code>steps.ndjson</code>.</p>\n");
        b.Append("<table class=\"interleaving\">\n<thead><tr><th>#</th>");
        foreach (var t in threads)
        {
            b.Append("<th>P").Append(t).Append("</th>");
        }

        b.Append("</tr></thead>\n<tbody>\n");
        foreach (var line in shown)
        {
            b.Append("<tr").Append(line.I == failingLine ? " class=\"failing\"" : "").Append(" data-step=\"").Append(line.I)
                .Append("\" data-thread=\"").Append(line.T).Append("\" data-action=\"").Append(E(line.Action)).Append("\">");
            b.Append("<td class=\"i\">").Append(line.I).Append("</td>");
            foreach (var t in threads)
            {
                if (t != line.T)
                {
                    b.Append("<td></td>");
                    continue;
                }

                b.Append("<td").Append(line.Lock == t ? " class=\"locked\"" : "").Append('>').Append(Cell(line)).Append("</td>");
            }

            b.Append("</tr>\n");
        }

        b.Append("</tbody>\n</table>\n");
        var hidden = log.Lines.Count - shown.Count;
        if (hidden > 0)
        {
            b.Append("<p class=\"note\">").Append(hidden).Append(" more steps of P0's final checks are not shown.</p>\n");
        }

        return b.Append("</section>\n").ToString();
    }

    /// <summary><paramref name="page"/> (a complete HTML document) with the section added at the end of its body.</summary>
    public static string InsertInto(string page, StepLog log, int? failingLine)
    {
        ArgumentNullException.ThrowIfNull(page);
        var at = page.LastIndexOf("</body>", StringComparison.Ordinal);
        return at < 0 ? page + Section(log, failingLine) : page.Insert(at, Section(log, failingLine));
    }

    private static string Cell(StepLine line)
    {
        if (line.Kind == LineKind.Threw)
        {
            return $"<span class=\"threw\">✗ threw {E(line.Exception ?? "")}</span>";
        }

        var b = new StringBuilder();
        if (line.Op is { } op)
        {
            b.Append("<div class=\"call\">▶ ").Append(E(op.ToString())).Append("</div>");
        }

        b.Append("<div><span class=\"action\">").Append(E(line.Action)).Append("</span> <span class=\"method\">")
            .Append(E(line.Method)).Append("</span></div>");
        var detail = Interleaving.Detail(line);
        if (detail.Length > 0)
        {
            b.Append("<div class=\"detail\">").Append(E(detail)).Append("</div>");
        }

        if (line.Ret is { } ret)
        {
            b.Append("<div class=\"ret\">◀ ").Append(E(ret.ToString())).Append("</div>");
        }

        return b.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
