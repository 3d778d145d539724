using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoSync.Runner;

/// <summary>
/// TLC's verdict on one trace, from the file <c>SyncMapTrace.tla</c> writes for it (the longest prefix some behaviour
/// of <c>SyncMap.tla</c> takes; the runner reads no console text of TLC's), and the step after that prefix.
/// </summary>
/// <param name="Accepted">Some behaviour of SyncMap.tla takes every step.</param>
/// <param name="Steps">Steps in the re-encoded trace (an Unlock split off its slot step counts).</param>
/// <param name="Matched">The longest prefix some behaviour takes.</param>
/// <param name="I">The first step no behaviour takes, as its <c>i</c> in the recorded log; null when accepted.</param>
/// <param name="Action">Its TLA+ action.</param>
/// <param name="Method">The C# method that emitted it.</param>
/// <param name="Thread">The thread that took it.</param>
/// <param name="Error">Why TLC gave no verdict, else null.</param>
internal sealed record TraceVerdict(bool Accepted, int Steps, int Matched, int? I, string? Action, string? Method, string? Thread, string? Error)
{
    public string Describe() => Error is not null ? $"TLC error: {Error}"
        : Accepted ? $"accepted ({Steps} steps)"
        : string.Create(CultureInfo.InvariantCulture,
            $"rejected at step i={I} ({Matched} of {Steps} steps taken): the model cannot take {Action} of thread {Thread}, emitted by {Method}");
}

/// <summary>One TLC run of <c>tla/SyncMapTrace.tla</c> over a batch of traces: the verdicts, in order, and its time.</summary>
internal sealed record TlcRun(IReadOnlyList<TraceVerdict> Verdicts, double Seconds);

/// <summary>Runs TLC on <c>tla/SyncMapTrace.tla</c>, many traces per run (one JVM start per batch, not per trace).</summary>
internal sealed class TlcValidator(string jar, string tlaDirectory)
{
    /// <summary>The variable naming tla2tools.jar, as for <c>tla/check</c>.</summary>
    public const string JarVariable = "TLA2TOOLS_JAR";

    /// <summary>The validator when <c>TLA2TOOLS_JAR</c> is set, else null (validation is then skipped).</summary>
    public static TlcValidator? FromEnvironment(Repository repo)
    {
        var jar = Environment.GetEnvironmentVariable(JarVariable);
        if (string.IsNullOrEmpty(jar))
        {
            return null;
        }

        return File.Exists(jar)
            ? new TlcValidator(Path.GetFullPath(jar), Path.Combine(repo.Root, "tla"))
            : throw new RunnerException($"{JarVariable}={jar} is not a file.");
    }

    /// <summary>Validates <paramref name="logs"/> (well formed, in the model's scope) in one TLC run in <paramref name="work"/>.</summary>
    public TlcRun Validate(IReadOnlyList<StepLogFile> logs, string work)
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var inputs = logs.Select(TlcTraceInput.Encode).ToList();
        for (var x = 0; x < inputs.Count; x++)
        {
            File.WriteAllLines(Path.Combine(work, $"{x + 1}.ndjson"), inputs[x].Select(l => l.ToJsonString()));
        }

        var config = Path.Combine(work, "SyncMapTrace.cfg");
        File.WriteAllLines(config, File.ReadAllLines(Path.Combine(tlaDirectory, "SyncMapTrace.cfg")).Select(line => line.TrimStart() switch
        {
            var l when l.StartsWith("TraceDir =", StringComparison.Ordinal) => $"  TraceDir = {JsonSerializer.Serialize(work)}",
            var l when l.StartsWith("TraceCount =", StringComparison.Ordinal) => $"  TraceCount = {inputs.Count}",
            _ => line,
        }));

        // One worker: the breadth-first search is then deterministic, and each trace's verdict file ends with its longest
        // matched prefix.
        var run = Shell.Run("java",
            ["-XX:+UseParallelGC", "-Xmx2g", "-jar", jar, "-workers", "1", "-noGenerateSpecTE", "-metadir", Path.Combine(work, "states"),
             "-config", config, Path.Combine(tlaDirectory, "SyncMapTrace.tla")],
            work, timeout: TimeSpan.FromMinutes(10));
        Directory.Delete(Path.Combine(work, "states"), recursive: true);
        var error = run.ExitCode == 0 ? null
            : run.TimedOut ? "timed out after 10 minutes"
            : $"TLC exited {run.ExitCode}; its last lines:\n" + string.Join(Environment.NewLine,
                run.Output.ReplaceLineEndings("\n").Split('\n').Where(l => l.Length > 0).TakeLast(15));
        var verdicts = inputs.Select((input, x) => Verdict(input, Path.Combine(work, $"{x + 1}.json"), error)).ToList();
        return new TlcRun(verdicts, run.Elapsed.TotalSeconds);
    }

    private static TraceVerdict Verdict(IReadOnlyList<JsonObject> input, string result, string? error)
    {
        var steps = input.Count - 1;
        if (!File.Exists(result))
        {
            return new TraceVerdict(false, steps, 0, null, null, null, null, error ?? "no verdict written");
        }

        var matched = JsonNode.Parse(File.ReadAllText(result))!["matched"]!.GetValue<int>();
        if (error is not null)
        {
            return new TraceVerdict(false, steps, matched, null, null, null, null, error);
        }

        if (matched == steps)
        {
            return new TraceVerdict(true, steps, matched, null, null, null, null, null);
        }

        var failed = input[matched + 1]; // the header is line 0
        return new TraceVerdict(false, steps, matched, StepLogFile.Int(failed, "i"), StepLogFile.Text(failed, "action"),
            StepLogFile.Text(failed, "method"), StepLogFile.Scalar(failed["t"]), null);
    }
}
