using System.Text.Json;

namespace GoSync.Specs;

/// <summary>Parses and validates one line of a history file; every complaint names the line and the field.</summary>
internal static class HistoryLineParser
{
    private static readonly HashSet<string> KnownFields =
        ["process", "op", "key", "arg", "expected", "call", "return", "ok", "value", "visited", "stopped"];

    public static Operation Parse(string text, int line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new HistoryFormatException(line, null, $"not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new HistoryFormatException(line, null, $"expected a JSON object, found {Describe(root)}");
            }

            return ParseObject(Fields(root, line), line);
        }
    }

    /// <summary>A process makes one call at a time: its calls must not overlap, and only its last may be pending.</summary>
    public static void CheckProcessesAreSequential(IEnumerable<Operation> ops)
    {
        foreach (var process in ops.GroupBy(op => op.Process))
        {
            Operation? previous = null;
            foreach (var op in process.OrderBy(op => op.Call).ThenBy(op => op.Line))
            {
                if (previous is not null && (previous.Return is not { } r || r > op.Call))
                {
                    var until = previous.Return is { } end ? $"returns at {end}" : "never returns";
                    throw new HistoryFormatException(
                        op.Line,
                        "call",
                        $"process {op.Process} calls at {op.Call} while its call on line {previous.Line} is running ({until})");
                }

                previous = op;
            }
        }
    }

    private static Dictionary<string, JsonElement> Fields(JsonElement root, int line)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name))
            {
                throw new HistoryFormatException(line, property.Name, "unknown field");
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw new HistoryFormatException(line, property.Name, "appears twice");
            }
        }

        return fields;
    }

    private static Operation ParseObject(Dictionary<string, JsonElement> f, int line)
    {
        var process = (int)Integer(f, "process", line, int.MinValue, int.MaxValue);
        var kind = Kind(f, line);
        var call = Integer(f, "call", line, long.MinValue, long.MaxValue);
        var ret = NullableInteger(f, "return", line);
        if (ret < call)
        {
            throw new HistoryFormatException(line, "return", $"{ret} is before the call at {call}");
        }

        var facts = OperationFacts.Of(kind);
        var key = facts.TakesKey ? RequiredKey(f, "key", line) : Forbidden(f, "key", kind, line);
        var arg = facts.TakesArg ? Required(f, "arg", line) : Forbidden(f, "arg", kind, line);
        var expected = facts.TakesExpected ? Required(f, "expected", line) : Forbidden(f, "expected", kind, line);

        // A call that never returned has no results: whatever the line says about them is ignored.
        var returned = ret is not null;
        var ok = returned && facts.ReturnsOk ? Boolean(f, "ok", line) : OptionalBoolean(f, "ok", line);
        var valueNeeded = returned && facts.ReturnsValue && (ok || facts.ValueWhenNotOk);
        var value = valueNeeded ? Required(f, "value", line) : Optional(f, "value", line);
        IReadOnlyList<KeyValuePair<object, object?>>? visited = null;
        var stopped = false;
        if (kind == OpKind.Range && returned)
        {
            visited = Visited(f, line);
            stopped = Boolean(f, "stopped", line);
            if (stopped && visited.Count == 0)
            {
                throw new HistoryFormatException(line, "stopped", "true, but a Range stops only after its callback saw a pair, and 'visited' is empty");
            }
        }
        else
        {
            Forbidden(f, "visited", kind, line, allowedWhenPending: kind == OpKind.Range);
            OptionalBoolean(f, "stopped", line);
        }

        return new Operation(process, kind, key, arg, expected, call, ret, ok, value, visited, stopped, line);
    }

    private static OpKind Kind(Dictionary<string, JsonElement> f, int line)
    {
        var e = Get(f, "op", line);
        if (e.ValueKind != JsonValueKind.String)
        {
            throw new HistoryFormatException(line, "op", $"expected a string, found {Describe(e)}");
        }

        var name = e.GetString()!;
        // Exact names only: Enum.TryParse would also take "1" and "Load, Store".
        if (!Enum.GetNames<OpKind>().Contains(name, StringComparer.Ordinal) || !Enum.TryParse<OpKind>(name, out var kind))
        {
            throw new HistoryFormatException(line, "op", $"unknown operation \"{name}\"; expected one of {string.Join(", ", Enum.GetNames<OpKind>())}");
        }

        return kind;
    }

    private static JsonElement Get(Dictionary<string, JsonElement> f, string field, int line) =>
        f.TryGetValue(field, out var e) ? e : throw new HistoryFormatException(line, field, "missing");

    private static long Integer(Dictionary<string, JsonElement> f, string field, int line, long min, long max)
    {
        var e = Get(f, field, line);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var n) || n < min || n > max)
        {
            throw new HistoryFormatException(line, field, $"expected an integer, found {Describe(e)}");
        }

        return n;
    }

    private static long? NullableInteger(Dictionary<string, JsonElement> f, string field, int line) =>
        Get(f, field, line).ValueKind == JsonValueKind.Null ? null : Integer(f, field, line, long.MinValue, long.MaxValue);

    private static bool Boolean(Dictionary<string, JsonElement> f, string field, int line)
    {
        var e = Get(f, field, line);
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new HistoryFormatException(line, field, $"expected true or false, found {Describe(e)}"),
        };
    }

    private static bool OptionalBoolean(Dictionary<string, JsonElement> f, string field, int line) =>
        f.TryGetValue(field, out var e) && e.ValueKind != JsonValueKind.Null && Boolean(f, field, line);

    private static object? Required(Dictionary<string, JsonElement> f, string field, int line) =>
        ScalarOf(Get(f, field, line), field, line);

    private static object RequiredKey(Dictionary<string, JsonElement> f, string field, int line) =>
        ScalarOf(Get(f, field, line), field, line)
            ?? throw new HistoryFormatException(line, field, "null, but a key is a string or a number");

    private static object? Optional(Dictionary<string, JsonElement> f, string field, int line) =>
        f.TryGetValue(field, out var e) ? ScalarOf(e, field, line) : null;

    private static object? Forbidden(Dictionary<string, JsonElement> f, string field, OpKind kind, int line, bool allowedWhenPending = false)
    {
        if (f.TryGetValue(field, out var e) && e.ValueKind != JsonValueKind.Null && !allowedWhenPending)
        {
            throw new HistoryFormatException(line, field, $"{kind} takes no {field}");
        }

        return null;
    }

    private static List<KeyValuePair<object, object?>> Visited(Dictionary<string, JsonElement> f, int line)
    {
        var e = Get(f, "visited", line);
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new HistoryFormatException(line, "visited", $"expected an array of [key, value] pairs, found {Describe(e)}");
        }

        var pairs = new List<KeyValuePair<object, object?>>();
        var i = 0;
        foreach (var pair in e.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                throw new HistoryFormatException(line, "visited", $"item {i} is not a [key, value] pair: {Describe(pair)}");
            }

            var key = ScalarOf(pair[0], "visited", line)
                ?? throw new HistoryFormatException(line, "visited", $"item {i} has a null key");
            pairs.Add(new KeyValuePair<object, object?>(key, ScalarOf(pair[1], "visited", line)));
            i++;
        }

        return pairs;
    }

    private static object? ScalarOf(JsonElement e, string field, int line)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return e.GetString();
            case JsonValueKind.Number when e.TryGetInt64(out var n):
                return n;
            case JsonValueKind.Number when e.TryGetDouble(out var d) && double.IsFinite(d):
                return Scalar.Normalize(d);
            default:
                throw new HistoryFormatException(line, field, $"expected a string, a number or null, found {Describe(e)}");
        }
    }

    private static string Describe(JsonElement e)
    {
        var text = e.GetRawText();
        return e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => text.Length > 40 ? text[..40] + "…" : text,
        };
    }
}
