using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoSync.Runner;

/// <summary>
/// A step log re-encoded for <c>tla/SyncMapTrace.tla</c>. TLC's <c>Json</c> module cannot read JSON null and TLC refuses
/// to compare a number with a string, so every thread, key, value, entry id and slot becomes a JSON string (a null value
/// <c>"null"</c>), a field that would be null is left out, and only step lines are kept. Two things the log writes in
/// C#'s terms become the model's: the visit that stops a Range early is marked <c>"stops"</c>, and a promotion the log
/// folds into the locked slot step before it (it does so when no other step came between) gets its own <c>Unlock</c>
/// line, which is how the model takes it.
/// </summary>
internal static class TlcTraceInput
{
    /// <summary>The re-encoded log, one JSON object per line, header first.</summary>
    public static IReadOnlyList<JsonObject> Encode(StepLogFile log)
    {
        var lines = new List<JsonObject>
        {
            new()
            {
                ["kind"] = "header",
                ["harness"] = log.Harness,
                ["iteration"] = log.Iteration,
                ["threads"] = Strings(log.Header["threads"]),
                ["keys"] = Strings(log.Header["keys"]),
                ["values"] = Strings(log.Header["values"]),
            },
        };

        string? lastRead = null;
        foreach (var step in log.Steps)
        {
            var line = EncodeStep(step);
            var read = step["read"]?.ToJsonString();
            var action = StepLogFile.Text(step, "action") ?? "";
            if (read is not null && lastRead is not null && read != lastRead && StepLogFile.LockedSlotActions.Contains(action))
            {
                // read changes only where a locked region ends, and every such end is logged: this region promoted dirty.
                var unlock = new JsonObject
                {
                    ["i"] = step["i"]?.DeepClone(),
                    ["t"] = line["t"]!.DeepClone(),
                    ["action"] = "Unlock",
                    ["method"] = "SyncMap.MissLocked",
                    ["n"] = step["n"]?.DeepClone(),
                };
                foreach (var field in new[] { "read", "dirty", "misses" })
                {
                    if (line[field] is { } value)
                    {
                        line.Remove(field);
                        unlock[field] = value;
                    }
                }

                line["lock"] = line["t"]!.DeepClone();
                lines.Add(line);
                lines.Add(unlock);
            }
            else
            {
                lines.Add(line);
            }

            lastRead = read ?? lastRead;
        }

        return lines;
    }

    private static JsonObject EncodeStep(JsonObject step)
    {
        var line = new JsonObject();
        foreach (var (name, value) in step)
        {
            switch (name)
            {
                case "kind" or "ret":
                    break;
                case "i" or "n" or "misses" or "action" or "method":
                    line[name] = value?.DeepClone();
                    break;
                case "op" when value is JsonObject op:
                    var encoded = new JsonObject { ["kind"] = op["kind"]?.DeepClone() };
                    foreach (var field in new[] { "key", "val", "old" })
                    {
                        if (op.ContainsKey(field))
                        {
                            encoded[field] = StepLogFile.Scalar(op[field]);
                        }
                    }

                    line["op"] = encoded;
                    break;
                case "read" when value is JsonObject read:
                    line["read"] = new JsonObject { ["entries"] = EncodePairs(read["entries"]), ["amended"] = read["amended"]?.DeepClone() };
                    break;
                case "dirty":
                    if (value is not null)
                    {
                        line["dirty"] = EncodePairs(value);
                    }

                    break;
                default:
                    if (value is not null || name is "before" or "after")
                    {
                        line[name] = StepLogFile.Scalar(value); // t, key, entry, before, after, lock, visit
                    }

                    break;
            }
        }

        if (StepLogFile.Text(step, "action") == "RangeVisit" && step["ret"] is JsonObject ret && ret["stopped"] is JsonValue stopped
            && stopped.GetValueKind() == JsonValueKind.True)
        {
            line["stops"] = true;
        }

        return line;
    }

    private static JsonArray EncodePairs(JsonNode? pairs) => new((pairs as JsonArray ?? [])
        .Select(p => (JsonNode?)new JsonArray(StepLogFile.Scalar(p![0]), StepLogFile.Scalar(p[1])))
        .ToArray());

    private static JsonArray Strings(JsonNode? array) => new((array as JsonArray ?? []).Select(x => (JsonNode?)StepLogFile.Scalar(x)).ToArray());
}
