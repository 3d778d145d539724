using System.Text;
using System.Text.Json;
using GoSync.Specs;

namespace GoSync.StepLog;

/// <summary>The step log's NDJSON form (docs/step-log.md): a header line, a line per step, and a failure line when one is known.</summary>
public static class StepLogJson
{
    /// <summary>The format version in the header.</summary>
    public const int Format = 1;

    /// <summary>Writes <paramref name="log"/>; <paramref name="failingLine"/> (with the log's message) becomes the failure line.</summary>
    public static void Write(StepLog log, TextWriter writer, int? failingLine = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Line(w =>
        {
            w.WriteString("kind", "header");
            w.WriteNumber("format", Format);
            w.WriteString("harness", log.Harness);
            w.WriteNumber("iteration", log.Iteration);
            w.WriteStartArray("threads");
            foreach (var t in log.Threads)
            {
                w.WriteNumberValue(t);
            }

            w.WriteEndArray();
            WriteScalars(w, "keys", log.Keys);
            WriteScalars(w, "values", log.Values);
            w.WriteNumber("steps", log.Steps.Count());
        }));
        foreach (var line in log.Lines)
        {
            writer.Write(Line(w => WriteLine(w, line)));
        }

        if (failingLine is { } failing)
        {
            writer.Write(Line(w =>
            {
                w.WriteString("kind", "failure");
                w.WriteNumber("step", failing);
                w.WriteString("message", log.FailureMessage ?? "");
            }));
        }
    }

    /// <summary>Reads a log written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">A line is not what docs/step-log.md describes.</exception>
    public static StepLog Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? harness = null;
        var iteration = 0;
        int? failure = null;
        string? message = null;
        var lines = new List<StepLine>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Length == 0)
            {
                continue;
            }

            try
            {
                var o = JsonDocument.Parse(text).RootElement;
                switch (o.GetProperty("kind").GetString())
                {
                    case "header":
                        harness = o.GetProperty("harness").GetString();
                        iteration = o.GetProperty("iteration").GetInt32();
                        break;
                    case "failure":
                        failure = o.GetProperty("step").GetInt32();
                        message = o.GetProperty("message").GetString();
                        break;
                    case "step":
                    case "threw":
                        lines.Add(ReadLine(o));
                        break;
                    case var other:
                        throw new FormatException($"unknown kind '{other}'");
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"line {number}: {e.Message}", e);
            }
        }

        // A result's kind is its call's, given on the call's Begin.
        var kinds = lines.Where(l => l.Op is not null).GroupBy(l => (l.T, l.N)).ToDictionary(g => g.Key, g => g.First().Op!.Kind);
        lines = [.. lines.Select(l => l.Ret is { } r && kinds.TryGetValue((l.T, l.N), out var k) ? l with { Ret = r with { Kind = k } } : l)];
        return new StepLog(harness ?? throw new FormatException("no header line"), iteration, lines, failure, message);
    }

    private static string Line(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteLine(Utf8JsonWriter w, StepLine l)
    {
        w.WriteString("kind", l.Kind == LineKind.Threw ? "threw" : "step");
        w.WriteNumber("i", l.I);
        w.WriteNumber("t", l.T);
        if (l.Kind == LineKind.Threw)
        {
            w.WriteNumber("n", l.N);
            w.WriteString("exception", l.Exception);
            return;
        }

        w.WriteString("action", l.Action);
        w.WriteString("method", l.Method);
        w.WriteNumber("n", l.N);
        if (l.Op is { } op)
        {
            w.WriteStartObject("op");
            w.WriteString("kind", op.Kind.ToString());
            var facts = OperationFacts.Of(op.Kind);
            if (facts.TakesKey)
            {
                WriteScalar(w, "key", op.Key);
            }

            if (facts.TakesArg)
            {
                WriteScalar(w, "val", op.Val);
            }

            if (facts.TakesExpected)
            {
                WriteScalar(w, "old", op.Old);
            }

            w.WriteEndObject();
        }

        if (l.HasKey)
        {
            WriteScalar(w, "key", l.Key);
        }

        if (l.HasEntry)
        {
            if (l.Entry is { } id)
            {
                w.WriteNumber("entry", id);
            }
            else
            {
                w.WriteNull("entry");
            }
        }

        WriteSlot(w, "before", l.Before);
        WriteSlot(w, "after", l.After);
        WriteSlot(w, "value", l.Visit);
        if (l.Lock is { } holder)
        {
            w.WriteNumber("lock", holder);
        }
        else
        {
            w.WriteNull("lock");
        }

        if (l.Ret is { } ret)
        {
            WriteResult(w, ret);
        }

        if (l.Tables is { } tables)
        {
            w.WriteStartObject("read");
            WritePairs(w, "entries", tables.Read);
            w.WriteBoolean("amended", tables.Amended);
            w.WriteEndObject();
            if (tables.Dirty is { } dirty)
            {
                WritePairs(w, "dirty", dirty);
            }
            else
            {
                w.WriteNull("dirty");
            }

            w.WriteNumber("misses", tables.Misses);
        }
    }

    private static void WriteResult(Utf8JsonWriter w, StepResult ret)
    {
        w.WriteStartObject("ret");
        var facts = OperationFacts.Of(ret.Kind);
        if (ret.Kind == OpKind.Range)
        {
            w.WriteStartArray("visited");
            foreach (var (key, value) in ret.Visited ?? [])
            {
                w.WriteStartArray();
                WriteScalarValue(w, Scalar.Normalize(key));
                WriteScalarValue(w, Scalar.Normalize(value));
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteBoolean("stopped", ret.Stopped);
        }

        if (facts.ReturnsOk)
        {
            w.WriteBoolean("ok", ret.Ok);
        }

        if (facts.ReturnsValue && (ret.Ok || facts.ValueWhenNotOk))
        {
            WriteScalar(w, "value", ret.Value);
        }

        w.WriteEndObject();
    }

    private static void WritePairs(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<object, int>> pairs)
    {
        w.WriteStartArray(name);
        foreach (var (key, entry) in pairs)
        {
            w.WriteStartArray();
            WriteScalarValue(w, key);
            w.WriteNumberValue(entry);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    private static void WriteSlot(Utf8JsonWriter w, string name, StepSlot? slot)
    {
        switch (slot)
        {
            case null:
                return;
            case { State: SlotState.Live } live:
                WriteScalar(w, name, live.Value);
                return;
            case { } state:
                w.WriteString(name, state.ToString());
                return;
        }
    }

    private static void WriteScalars(Utf8JsonWriter w, string name, IEnumerable<object?> scalars)
    {
        w.WriteStartArray(name);
        foreach (var s in scalars)
        {
            WriteScalarValue(w, Scalar.Normalize(s));
        }

        w.WriteEndArray();
    }

    private static void WriteScalar(Utf8JsonWriter w, string name, object? value)
    {
        w.WritePropertyName(name);
        WriteScalarValue(w, Scalar.Normalize(value));
    }

    private static void WriteScalarValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case double d:
                w.WriteNumberValue(d);
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            default:
                throw new ArgumentException($"not a scalar: {value}");
        }
    }

    private static StepLine ReadLine(JsonElement o)
    {
        var kind = o.GetProperty("kind").GetString() == "threw" ? LineKind.Threw : LineKind.Step;
        var line = new StepLine { Kind = kind, I = o.GetProperty("i").GetInt32(), T = o.GetProperty("t").GetInt32(), N = o.GetProperty("n").GetInt32() };
        if (kind == LineKind.Threw)
        {
            return line with { Exception = o.GetProperty("exception").GetString() };
        }

        var hasEntry = o.TryGetProperty("entry", out var entry);
        var hasKey = o.TryGetProperty("key", out var key);
        return line with
        {
            Action = o.GetProperty("action").GetString()!,
            Method = o.GetProperty("method").GetString()!,
            Op = o.TryGetProperty("op", out var op) ? ReadCall(op) : null,
            HasKey = hasKey,
            Key = hasKey ? ReadScalar(key) : null,
            HasEntry = hasEntry,
            Entry = hasEntry && entry.ValueKind == JsonValueKind.Number ? entry.GetInt32() : null,
            Before = ReadSlot(o, "before"),
            After = ReadSlot(o, "after"),
            Visit = ReadSlot(o, "value"),
            Lock = o.GetProperty("lock").ValueKind == JsonValueKind.Number ? o.GetProperty("lock").GetInt32() : null,
            Ret = o.TryGetProperty("ret", out var ret) ? ReadResult(ret) : null,
            Tables = o.TryGetProperty("read", out var read) ? new LoggedTables(
                ReadPairs(read.GetProperty("entries")), read.GetProperty("amended").GetBoolean(),
                o.GetProperty("dirty").ValueKind == JsonValueKind.Null ? null : ReadPairs(o.GetProperty("dirty")),
                o.GetProperty("misses").GetInt32()) : null,
        };
    }

    private static StepCall ReadCall(JsonElement op) => new(
        Enum.Parse<OpKind>(op.GetProperty("kind").GetString()!),
        op.TryGetProperty("key", out var k) ? ReadScalar(k) : null,
        op.TryGetProperty("val", out var v) ? ReadScalar(v) : null,
        op.TryGetProperty("old", out var o) ? ReadScalar(o) : null);

    // The kind here is a placeholder from the fields present; Read replaces it with the kind of the call's Begin.
    private static StepResult ReadResult(JsonElement ret)
    {
        var ok = ret.TryGetProperty("ok", out var okElement) && okElement.GetBoolean();
        var value = ret.TryGetProperty("value", out var v) ? ReadScalar(v) : null;
        if (ret.TryGetProperty("visited", out var visited))
        {
            var pairs = visited.EnumerateArray().Select(p => new KeyValuePair<object, object?>(ReadScalar(p[0])!, ReadScalar(p[1]))).ToList();
            return new StepResult(OpKind.Range, false, null, pairs, ret.GetProperty("stopped").GetBoolean());
        }

        var kind = (ret.TryGetProperty("ok", out _), ret.TryGetProperty("value", out _)) switch
        {
            (true, true) => OpKind.Load,
            (true, false) => OpKind.CompareAndSwap,
            _ => OpKind.Store,
        };
        return new StepResult(kind, ok, value);
    }

    private static List<KeyValuePair<object, int>> ReadPairs(JsonElement pairs) =>
        [.. pairs.EnumerateArray().Select(p => new KeyValuePair<object, int>(ReadScalar(p[0])!, p[1].GetInt32()))];

    private static StepSlot? ReadSlot(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var s))
        {
            return null;
        }

        return s.ValueKind == JsonValueKind.String
            ? s.GetString() switch
            {
                "nil" => StepSlot.Nil,
                "expunged" => StepSlot.Expunged,
                "free" => StepSlot.Free,
                var text => StepSlot.Live(text),
            }
            : StepSlot.Live(ReadScalar(s));
    }

    private static object? ReadScalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        _ => throw new FormatException($"not a scalar: {e}"),
    };
}
