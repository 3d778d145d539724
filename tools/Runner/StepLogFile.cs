using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoSync.Runner;

/// <summary>
/// A recorded step log (<c>docs/step-log.md</c>) as trace validation reads it: its header, its step lines, what is wrong
/// with it (well-formedness), and whether it lies outside what <c>tla/SyncMap.tla</c> models.
/// </summary>
/// <param name="Path">Where it was read from.</param>
/// <param name="Harness">The header's harness.</param>
/// <param name="Iteration">The header's iteration.</param>
/// <param name="Header">The header line.</param>
/// <param name="Steps">The <c>step</c> lines, in order.</param>
/// <param name="Problems">Each way the log breaks its schema, as <c>line N: ...</c>; empty when it is well formed.</param>
/// <param name="OutOfScope">Why the model cannot describe this log (a call that threw, a callback calling the map), or null.</param>
internal sealed record StepLogFile(
    string Path, string Harness, int Iteration, JsonObject Header, IReadOnlyList<JsonObject> Steps,
    IReadOnlyList<string> Problems, string? OutOfScope)
{
    /// <summary>The actions of <c>Step(t)</c> in <c>tla/SyncMap.tla</c>: the names a log's steps may have.</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "Begin", "FindLocked", "LoadSlot", "DelRead", "DelCas", "CadRead", "CadCas",
        "SwapRead", "SwapCas", "SwapLocked", "Unexpunge", "SwapExchange", "DirtyNext", "DirtyCas", "DirtyWrite",
        "LosRead", "LosCas", "LosLocked", "LosAdd", "CasRead", "CasCas", "CasLocked", "Unlock",
        "RangeLocked", "RangeNext", "RangeVisit", "RangeJoin", "ClearLocked",
    ];

    /// <summary>
    /// The actions no step of the correct map is: the seeded bugs' own (DirtyWrite, LosAdd) and a callback's wait for
    /// other threads (RangeJoin, the model's device for a joining callback; C# logs the callback as RangeVisit).
    /// </summary>
    public static readonly IReadOnlySet<string> ModelOnlyActions = new HashSet<string>(StringComparer.Ordinal) { "DirtyWrite", "LosAdd", "RangeJoin" };

    /// <summary>The slot steps whose last step may be followed by a promotion of their own (the model's <c>Unlock</c>).</summary>
    public static readonly IReadOnlySet<string> LockedSlotActions = new HashSet<string>(StringComparer.Ordinal) { "LosRead", "LosCas", "CasRead", "CasCas" };

    private static readonly HashSet<string> OpKinds = new(StringComparer.Ordinal)
    {
        "Load", "Store", "LoadOrStore", "LoadAndDelete", "Delete", "Swap", "CompareAndSwap", "CompareAndDelete", "Range", "Clear",
    };

    private static readonly HashSet<string> SlotWords = new(StringComparer.Ordinal) { "nil", "expunged", "free" };

    public int StepCount => Steps.Count;

    public bool WellFormed => Problems.Count == 0;

    /// <summary>Reads and checks <paramref name="path"/>; a file that is no step log at all yields problems, not an exception.</summary>
    public static StepLogFile Read(string path)
    {
        var problems = new List<string>();
        var lines = File.ReadAllLines(path);
        var header = new JsonObject();
        var steps = new List<JsonObject>();
        var kinds = new List<string>();
        var numbered = 0;
        for (var n = 0; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0)
            {
                continue;
            }

            JsonObject? line;
            try
            {
                line = JsonNode.Parse(lines[n]) as JsonObject;
            }
            catch (JsonException e)
            {
                problems.Add($"line {n + 1}: not JSON ({e.Message})");
                continue;
            }

            if (line is null)
            {
                problems.Add($"line {n + 1}: not a JSON object");
                continue;
            }

            var kind = Text(line, "kind");
            if (kinds.Count == 0)
            {
                if (kind != "header")
                {
                    problems.Add($"line {n + 1}: the first line must be the header (kind \"header\")");
                }

                header = line;
            }
            else if (kind is "step" or "threw")
            {
                // i numbers the step and threw lines together, from 0.
                if (Int(line, "i") != numbered)
                {
                    problems.Add($"line {n + 1}: i is {line["i"]?.ToJsonString() ?? "missing"}, expected {numbered}");
                }

                numbered++;
                if (kind == "step")
                {
                    steps.Add(line);
                }
            }
            else if (kind is not ("threw" or "failure"))
            {
                problems.Add($"line {n + 1}: kind \"{kind}\" is none of header (first line only), step, threw, failure");
            }

            kinds.Add(kind ?? "");
        }

        if (kinds.Count == 0)
        {
            problems.Add("line 1: empty log");
        }

        var harness = Text(header, "harness") ?? "";
        var iteration = header["iteration"] is JsonValue it && it.TryGetValue<int>(out var i) ? i : 0;
        var log = new StepLogFile(path, harness, iteration, header, steps, problems, null);
        problems.AddRange(log.CheckSchema());
        return log with { OutOfScope = log.ScopeProblem(kinds) };
    }

    /// <summary>The keys, values or threads the header declares, as scalar text.</summary>
    private HashSet<string> Declared(string field) => Header[field] is JsonArray a
        ? a.Select(Scalar).ToHashSet(StringComparer.Ordinal)
        : [];

    private IEnumerable<string> CheckSchema()
    {
        foreach (var field in new[] { "threads", "keys", "values" })
        {
            if (Header[field] is not JsonArray)
            {
                yield return $"line 1: header: {field} must be an array";
            }
        }

        if (Header["steps"] is JsonValue count && count.TryGetValue<int>(out var declared) && declared != Steps.Count)
        {
            yield return $"line 1: header: steps is {declared}, but {Steps.Count} step lines follow";
        }

        var threads = Declared("threads");
        var keys = Declared("keys");
        var values = Declared("values");
        foreach (var v in values.Where(SlotWords.Contains))
        {
            yield return $"line 1: header: value \"{v}\" reads as a slot state";
        }

        for (var s = 0; s < Steps.Count; s++)
        {
            foreach (var problem in CheckStep(Steps[s], threads, keys, values))
            {
                yield return $"step {s}: {problem}";
            }
        }
    }

    private static IEnumerable<string> CheckStep(JsonObject step, HashSet<string> threads, HashSet<string> keys, HashSet<string> values)
    {
        if (step["t"] is null || !threads.Contains(Scalar(step["t"])))
        {
            yield return $"t {step["t"]?.ToJsonString() ?? "missing"} is not among the header's threads";
        }

        var action = Text(step, "action");
        if (action is null || !Actions.Contains(action))
        {
            yield return $"action \"{action}\" is no action of SyncMap.tla's Step(t)";
        }

        if (string.IsNullOrEmpty(Text(step, "method")))
        {
            yield return "method is missing";
        }

        if (Int(step, "n") is not >= 0)
        {
            yield return "n must be a number from 0";
        }

        if (action == "Begin")
        {
            if (step["op"] is not JsonObject op || Text(op, "kind") is not { } kind || !OpKinds.Contains(kind))
            {
                yield return "Begin needs op with a kind among the ten operations";
            }
            else
            {
                if (kind is not ("Range" or "Clear") && (op["key"] is null || !keys.Contains(Scalar(op["key"]))))
                {
                    yield return $"op.key {op["key"]?.ToJsonString() ?? "missing"} is not among the header's keys";
                }

                foreach (var field in new[] { "val", "old" })
                {
                    if (op.ContainsKey(field) && !values.Contains(Scalar(op[field])))
                    {
                        yield return $"op.{field} {op[field]?.ToJsonString() ?? "null"} is not among the header's values";
                    }
                }
            }
        }

        if (step.ContainsKey("key") && !keys.Contains(Scalar(step["key"])))
        {
            yield return $"key {step["key"]?.ToJsonString()} is not among the header's keys";
        }

        if (step["entry"] is { } entry && Int(step, "entry") is not > 0)
        {
            yield return $"entry {entry.ToJsonString()} must be a positive number or null";
        }

        foreach (var field in new[] { "before", "after" })
        {
            if (step.ContainsKey(field) && !IsSlot(step[field], values))
            {
                yield return $"{field} {step[field]?.ToJsonString() ?? "null"} is no value of the header, \"nil\", \"expunged\" or \"free\"";
            }
        }

        if (step["lock"] is { } holder && !threads.Contains(Scalar(holder)))
        {
            yield return $"lock {holder.ToJsonString()} is not among the header's threads";
        }

        if (step.ContainsKey("read"))
        {
            if (step["read"] is not JsonObject read || read["amended"] is not JsonValue amended || amended.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)
                || !Pairs(read["entries"], keys))
            {
                yield return "read must be {\"entries\":[[key,entry],...],\"amended\":bool} with the header's keys";
            }

            if (step["dirty"] is { } dirty && !Pairs(dirty, keys))
            {
                yield return "dirty must be null or [[key,entry],...] with the header's keys";
            }

            if (Int(step, "misses") is not >= 0)
            {
                yield return "misses must be a number from 0 where read is logged";
            }
        }
    }

    private static bool Pairs(JsonNode? node, HashSet<string> keys) =>
        node is JsonArray a && a.All(p => p is JsonArray { Count: 2 } pair && keys.Contains(Scalar(pair[0])) && pair[1] is JsonValue id && id.TryGetValue<int>(out _));

    private static bool IsSlot(JsonNode? node, HashSet<string> values) =>
        (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && SlotWords.Contains(v.GetValue<string>())) || values.Contains(Scalar(node));

    /// <summary>Why <c>SyncMap.tla</c> cannot describe the log, or null when it can.</summary>
    private string? ScopeProblem(IReadOnlyList<string> kinds)
    {
        if (kinds.Contains("threw"))
        {
            return "a call threw (user code that throws is outside the model: tla/README.md)";
        }

        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in Steps)
        {
            var t = Scalar(step["t"]);
            var n = Int(step, "n") ?? -1;
            if (Text(step, "action") == "Begin" && open.TryGetValue(t, out var running) && running != n && !Returned(t, running))
            {
                return $"thread {t} calls the map from inside its own call {running} (a Range callback or foreach body: the model's never do)";
            }

            if (Text(step, "action") == "Begin")
            {
                open[t] = n;
            }
        }

        return null;

        bool Returned(string thread, int n) => Steps.Any(s => Scalar(s["t"]) == thread && Int(s, "n") == n && s.ContainsKey("ret"));
    }

    /// <summary>The text of a JSON scalar as the TLC input writes it: a number's digits, a string itself, null as "null".</summary>
    public static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    public static string? Text(JsonObject o, string field) =>
        o[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static int? Int(JsonObject o, string field) =>
        o[field] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : null;

    /// <summary>The state class of a slot: live, nil, expunged, free.</summary>
    public static string SlotClass(JsonNode? slot) => slot is JsonValue v && v.GetValueKind() == JsonValueKind.String
        && SlotWords.Contains(v.GetValue<string>()) ? v.GetValue<string>() : "live";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path} ({Harness} #{Iteration}, {Steps.Count} steps)");
}
