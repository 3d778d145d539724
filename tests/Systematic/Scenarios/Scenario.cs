using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GoSync.Systematic.Infrastructure;
using GoSync.Tooling;
using Microsoft.Coyote.Random;
using Microsoft.Coyote.Rewriting;

namespace GoSync.Systematic.Scenarios;

/// <summary>What one operation of a scenario calls.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Op>))]
public enum Op
{
    Load,
    Store,
    LoadOrStore,
    LoadAndDelete,
    Delete,
    Swap,
    CompareAndSwap,
    CompareAndDelete,
    Range,

    /// <summary>A Range whose callback stops after the first key.</summary>
    RangeFirstKey,
    Clear,
}

/// <summary>
/// One operation of a scenario, as data: the harness runs it and the shrinker drops or changes it. Range and Clear
/// ignore the key.
/// </summary>
[SkipRewriting("Scenario data: reading it must add no scheduling point to the schedules it drives.")]
public sealed record ScenarioOp(Op Kind, int Key = 0, int? Value = null, int? Expected = null)
{
    /// <summary>Whether the operation names a key (all but Range and Clear).</summary>
    [JsonIgnore]
    public bool HasKey => Kind is not (Op.Range or Op.RangeFirstKey or Op.Clear);

    /// <summary>Calls the operation on <paramref name="m"/> as process <paramref name="p"/>.</summary>
    public void Apply(CheckedMap m, int p)
    {
        switch (Kind)
        {
            case Op.Load: m.Load(p, Key); break;
            case Op.Store: m.Store(p, Key, Value); break;
            case Op.LoadOrStore: m.LoadOrStore(p, Key, Value); break;
            case Op.LoadAndDelete: m.LoadAndDelete(p, Key); break;
            case Op.Delete: m.Delete(p, Key); break;
            case Op.Swap: m.Swap(p, Key, Value); break;
            case Op.CompareAndSwap: m.CompareAndSwap(p, Key, Expected, Value); break;
            case Op.CompareAndDelete: m.CompareAndDelete(p, Key, Expected); break;
            case Op.Range: m.Range(p); break;
            case Op.RangeFirstKey: m.Range(p, limit: 1); break;
            default: m.Clear(p); break;
        }
    }

    /// <summary>The operation as C# that constructs it, for a pasted harness.</summary>
    public string ToCSharp()
    {
        var args = new List<string> { $"Op.{Kind}" };
        if (HasKey)
        {
            args.Add(Key.ToString(CultureInfo.InvariantCulture));
        }

        if (Kind is Op.Store or Op.LoadOrStore or Op.Swap or Op.CompareAndSwap)
        {
            args.Add($"Value: {Literal(Value)}");
        }

        if (Kind is Op.CompareAndSwap or Op.CompareAndDelete)
        {
            args.Add($"Expected: {Literal(Expected)}");
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
            0 => new(Op.Load, key),
            1 => new(Op.Store, key, value),
            2 => new(Op.LoadOrStore, key, value),
            3 => new(Op.LoadAndDelete, key),
            4 => new(Op.Delete, key),
            5 => new(Op.Swap, key, value),
            6 => new(Op.CompareAndSwap, key, value, other),
            7 => new(Op.CompareAndDelete, key, Expected: other),
            8 => new(Op.Range),
            9 => new(Op.RangeFirstKey),
            _ => new(Op.Clear),
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
