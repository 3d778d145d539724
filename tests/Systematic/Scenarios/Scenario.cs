using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GoSync.Specs;
using GoSync.Systematic.Infrastructure;
using GoSync.Tooling;
using Microsoft.Coyote.Random;
using Microsoft.Coyote.Rewriting;

namespace GoSync.Systematic.Scenarios;

/// <summary>
/// One operation of a scenario, as data: the harness runs it and the shrinker drops or changes it. Range and Clear
/// ignore the key; <paramref name="Limit"/> makes a Range's callback stop after that many keys.
/// </summary>
[SkipRewriting("Scenario data: reading it must add no scheduling point to the schedules it drives.")]
public sealed record ScenarioOp(
    [property: JsonConverter(typeof(JsonStringEnumConverter<OpKind>))] OpKind Kind, int Key = 0, int? Value = null, int? Expected = null, int? Limit = null)
{
    /// <summary>Whether the operation names a key (all but Range and Clear).</summary>
    [JsonIgnore]
    public bool HasKey => Kind is not (OpKind.Range or OpKind.Clear);

    /// <summary>The operation's name in a shrinker's log: its kind, and a Range's limit.</summary>
    [JsonIgnore]
    public string Name => Limit is { } limit ? $"Range(limit {limit.ToString(CultureInfo.InvariantCulture)})" : Kind.ToString();

    /// <summary>Calls the operation on <paramref name="m"/> as process <paramref name="p"/>.</summary>
    public void Apply(CheckedMap m, int p)
    {
        switch (Kind)
        {
            case OpKind.Load: m.Load(p, Key); break;
            case OpKind.Store: m.Store(p, Key, Value); break;
            case OpKind.LoadOrStore: m.LoadOrStore(p, Key, Value); break;
            case OpKind.LoadAndDelete: m.LoadAndDelete(p, Key); break;
            case OpKind.Delete: m.Delete(p, Key); break;
            case OpKind.Swap: m.Swap(p, Key, Value); break;
            case OpKind.CompareAndSwap: m.CompareAndSwap(p, Key, Expected, Value); break;
            case OpKind.CompareAndDelete: m.CompareAndDelete(p, Key, Expected); break;
            case OpKind.Range: m.Range(p, Limit ?? int.MaxValue); break;
            default: m.Clear(p); break;
        }
    }

    /// <summary>The operation as C# that constructs it, for a pasted harness.</summary>
    public string ToCSharp()
    {
        var args = new List<string> { $"OpKind.{Kind}" };
        if (HasKey)
        {
            args.Add(Key.ToString(CultureInfo.InvariantCulture));
        }

        if (Kind is OpKind.Store or OpKind.LoadOrStore or OpKind.Swap or OpKind.CompareAndSwap)
        {
            args.Add($"Value: {Literal(Value)}");
        }

        if (Kind is OpKind.CompareAndSwap or OpKind.CompareAndDelete)
        {
            args.Add($"Expected: {Literal(Expected)}");
        }

        if (Limit is { } limit)
        {
            args.Add($"Limit: {limit.ToString(CultureInfo.InvariantCulture)}");
        }

        return $"new({string.Join(", ", args)})";
    }

    private static string Literal(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";
}

/// <summary>
/// A harness's scenario as data: the set-up operations the main task runs alone, then one list of operations per
/// concurrent task. <see cref="ScenarioHarness"/> runs it; <see cref="Shrinker"/> makes it smaller; a failing one is
/// written as JSON (for <c>ReplayScenario</c> and its trace) and as C# (a harness method to paste).
/// </summary>
[SkipRewriting("Scenario data: reading it must add no scheduling point to the schedules it drives.")]
public sealed record Scenario(ScenarioOp[] Setup, ScenarioOp[][] Threads)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Operations in all, set-up included.</summary>
    [JsonIgnore]
    public int Operations => Setup.Length + Threads.Sum(t => t.Length);

    /// <summary>The distinct keys the operations name.</summary>
    [JsonIgnore]
    public int[] Keys => Setup.Concat(Threads.SelectMany(t => t)).Where(o => o.HasKey).Select(o => o.Key).Distinct().Order().ToArray();

    /// <summary>How big the scenario is: operations, tasks, keys.</summary>
    [JsonIgnore]
    public ScenarioSize Size => new(Operations, Setup.Length, Threads.Length, Keys.Length);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Scenario FromJson(string json) =>
        JsonSerializer.Deserialize<Scenario>(json, Json) ?? throw new ArgumentException("No scenario in the JSON given.");

    /// <summary>
    /// The scenario RandomOperations draws: <paramref name="setup"/> operations, then <paramref name="threads"/>
    /// tasks of <paramref name="perThread"/> operations, each drawn from Coyote's controlled random source, so the mix
    /// is explored along with the interleaving and a failing iteration replays exactly.
    /// </summary>
    public static Scenario Draw(Generator random, int setup, int threads, int perThread)
    {
        var drawn = Enumerable.Range(0, setup).Select(_ => DrawOp(random)).ToArray();
        var tasks = new ScenarioOp[threads][];
        for (var t = 0; t < threads; t++)
        {
            tasks[t] = Enumerable.Range(0, perThread).Select(_ => DrawOp(random)).ToArray();
        }

        return new Scenario(drawn, tasks);
    }

    private static readonly int?[] Values = [null, 1, 2];

    private static ScenarioOp DrawOp(Generator random)
    {
        var key = random.NextInteger(3) + 1;
        var value = Values[random.NextInteger(Values.Length)];
        var other = Values[random.NextInteger(Values.Length)];
        return random.NextInteger(11) switch
        {
            0 => new(OpKind.Load, key),
            1 => new(OpKind.Store, key, value),
            2 => new(OpKind.LoadOrStore, key, value),
            3 => new(OpKind.LoadAndDelete, key),
            4 => new(OpKind.Delete, key),
            5 => new(OpKind.Swap, key, value),
            6 => new(OpKind.CompareAndSwap, key, value, other),
            7 => new(OpKind.CompareAndDelete, key, Expected: other),
            8 => new(OpKind.Range),
            9 => new(OpKind.Range, Limit: 1),
            _ => new(OpKind.Clear),
        };
    }

    /// <summary>A harness method that runs this scenario, ready to paste into a harness class.</summary>
    public string ToHarnessMethod(string name, string summary)
    {
        var cs = new StringBuilder();
        cs.AppendLine(CultureInfo.InvariantCulture, $"    /// <summary>{summary}</summary>");
        cs.AppendLine("    [Test]");
        cs.AppendLine(CultureInfo.InvariantCulture, $"    public static Task {name}() => ScenarioHarness.Run(nameof({name}), new Scenario(");
        cs.AppendLine(CultureInfo.InvariantCulture, $"        Setup: [{string.Join(", ", Setup.Select(o => o.ToCSharp()))}],");
        cs.AppendLine("        Threads:");
        cs.AppendLine("        [");
        foreach (var thread in Threads)
        {
            cs.AppendLine(CultureInfo.InvariantCulture, $"            [{string.Join(", ", thread.Select(o => o.ToCSharp()))}],");
        }

        cs.AppendLine("        ]));");
        return cs.ToString();
    }
}
