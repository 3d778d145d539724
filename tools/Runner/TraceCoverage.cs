using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace GoSync.Runner;

/// <summary>
/// Which actions of <c>Step(t)</c> the traces took, and in which slot state before the step (live, nil, expunged, free;
/// "-" for a step that reads no slot).
/// </summary>
internal sealed class TraceCoverage
{
    private static readonly string[] Slots = ["live", "nil", "expunged", "free", "-"];

    private readonly Dictionary<(string Action, string Slot), int> _counts = [];

    public static TraceCoverage Of(IEnumerable<StepLogFile> logs)
    {
        var coverage = new TraceCoverage();
        foreach (var log in logs)
        {
            coverage.Add(log);
        }

        return coverage;
    }

    /// <summary>Counts the steps of <paramref name="log"/>, as the model takes them (an Unlock split off its slot step counts).</summary>
    public void Add(StepLogFile log)
    {
        foreach (var step in TlcTraceInput.Encode(log).Skip(1))
        {
            var key = (StepLogFile.Text(step, "action") ?? "", step.ContainsKey("before") ? StepLogFile.SlotClass(step["before"]) : "-");
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }
    }

    public int Steps(string action) => _counts.Where(c => c.Key.Action == action).Sum(c => c.Value);

    /// <summary>The actions a step of the correct map can be that no trace took.</summary>
    public IReadOnlyList<string> NeverExercised() => StepLogFile.Actions.Where(a => !StepLogFile.ModelOnlyActions.Contains(a) && Steps(a) == 0).ToList();

    /// <summary>One row per action: its steps in all, and per slot state before.</summary>
    public IReadOnlyList<JsonObject> Rows() => StepLogFile.Actions.Select(a =>
    {
        var row = new JsonObject { ["action"] = a, ["steps"] = Steps(a) };
        foreach (var slot in Slots)
        {
            row[slot] = _counts.GetValueOrDefault((a, slot));
        }

        return row;
    }).ToList();

    public Table Table()
    {
        var table = new Table().AddColumn("Action").AddColumn("Steps");
        foreach (var slot in Slots)
        {
            table.AddColumn($"before {slot}");
        }

        foreach (var action in StepLogFile.Actions)
        {
            var steps = Steps(action);
            var name = StepLogFile.ModelOnlyActions.Contains(action) ? $"{action} (model only)" : action;
            table.AddRow([steps == 0 && !StepLogFile.ModelOnlyActions.Contains(action) ? $"[red]{name}[/]" : name, steps.ToString(CultureInfo.InvariantCulture),
                .. Slots.Select(s => _counts.GetValueOrDefault((action, s)) is var n and > 0 ? n.ToString(CultureInfo.InvariantCulture) : "")]);
        }

        return table;
    }
}
