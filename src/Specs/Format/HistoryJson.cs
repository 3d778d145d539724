using System.Text;

namespace GoSync.Specs;

/// <summary>
/// The history file format: JSON Lines, one operation a line, for example
/// <c>{"process": 1, "op": "CompareAndSwap", "key": "x", "arg": 3, "expected": 2, "call": 10, "return": 14, "ok": true}</c>.
/// See <c>docs/checker.md</c> for every field.
/// </summary>
public static class HistoryJson
{
    /// <summary>Writes a history, one operation a line, with only the fields its operation uses.</summary>
    /// <param name="history">The history.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(History history, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var op in history.Operations)
        {
            writer.Write(Line(op));
            writer.Write('\n');
        }
    }

    /// <summary>Reads a history written by <see cref="Write"/> or by hand. Blank lines are skipped.</summary>
    /// <param name="reader">Where to read.</param>
    /// <returns>The history; each operation knows its line.</returns>
    /// <exception cref="HistoryFormatException">A line is malformed; the message names the line and the field.</exception>
    public static History Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ops = new List<Operation>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                ops.Add(HistoryLineParser.Parse(text, number));
            }
        }

        HistoryLineParser.CheckProcessesAreSequential(ops);
        return new History(ops);
    }

    /// <summary>One operation as a line of the file, without the line break.</summary>
    /// <param name="op">The operation.</param>
    /// <returns>A JSON object.</returns>
    public static string Line(Operation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var b = new StringBuilder(96);
        b.Append("{\"process\": ").Append(op.Process).Append(", \"op\": \"").Append(op.Kind).Append('"');
        var facts = OperationFacts.Of(op.Kind);
        if (facts.TakesKey)
        {
            b.Append(", \"key\": ").Append(Scalar.Format(op.Key));
        }

        if (facts.TakesArg)
        {
            b.Append(", \"arg\": ").Append(Scalar.Format(op.Arg));
        }

        if (facts.TakesExpected)
        {
            b.Append(", \"expected\": ").Append(Scalar.Format(op.Expected));
        }

        b.Append(", \"call\": ").Append(op.Call).Append(", \"return\": ").Append(op.Return?.ToString() ?? "null");
        if (!op.IsPending)
        {
            AppendResults(b, op);
        }

        return b.Append('}').ToString();
    }

    private static void AppendResults(StringBuilder b, Operation op)
    {
        var facts = OperationFacts.Of(op.Kind);
        if (facts.ReturnsOk)
        {
            b.Append(", \"ok\": ").Append(op.Ok ? "true" : "false");
        }

        if (facts.ReturnsValue)
        {
            b.Append(", \"value\": ").Append(Scalar.Format(op.Value));
        }

        if (op.Kind == OpKind.Range)
        {
            b.Append(", \"visited\": [")
                .AppendJoin(", ", op.Visited.Select(p => $"[{Scalar.Format(p.Key)}, {Scalar.Format(p.Value)}]"))
                .Append("], \"stopped\": ").Append(op.Stopped ? "true" : "false");
        }
    }
}
