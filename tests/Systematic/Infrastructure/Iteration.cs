using System.Runtime.CompilerServices;
using GoSync.Specs;
using GoSync.StepLog;
using GoSync.Tooling;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Infrastructure;

/// <summary>
/// One iteration of a harness: a fresh map and history, processes run as Coyote-controlled tasks, and the checks that
/// end every iteration. When Coyote reports any bug in the iteration (an assertion, an exception, a deadlock, a data
/// race), the history so far is written to <c>artifacts/&lt;harness&gt;/</c> once the iteration has ended.
/// </summary>
/// <remarks>One iteration runs at a time in a process: Coyote runs them in sequence, and xunit's parallelism is off here.</remarks>
public sealed class Iteration
{
    private static Iteration? s_current;

    /// <summary>The process id of the set-up and epilogue calls that run before and after the concurrent part.</summary>
    public const int Main = 0;

    private static readonly TimeSpan CheckerBudget = TimeSpan.FromSeconds(10);
    private readonly HistoryRecorder _recorder = new();
    private readonly StepRecorder? _steps;
    private readonly string _harness;
    private readonly OnFailureHandler _onFailure;
    private string? _failure;
    private FailureKind _kind;

    // The history Finish checked and the checker's result for it: computed once, and the one the artifacts show.
    private (History History, CheckResult Result)? _checked;

    private Iteration(string harness, IEqualityComparer<int>? keyComparer)
    {
        _harness = harness;
        Map = new CheckedMap(_recorder, keyComparer);
        _steps = StepLogging ? new StepRecorder(harness, IterationNumbers.Next(harness)) : null;
        Map.Steps = _steps;
        // Only note the failure here: the handler runs inside Coyote's scheduler, where anything rewritten (the map,
        // the harnesses) would hit a scheduling point and report the same deadlock again, recursively.
        FailedCheck.Reset();
        _onFailure = ex => (_failure, _kind) = (ex.Message, FailedCheck.Classify(ex));
        RuntimeProvider.Current.OnFailure += _onFailure;
        s_current = this;
    }

    /// <summary>The map this iteration drives.</summary>
    public CheckedMap Map { get; }

    /// <summary>
    /// The variable that turns the step log off: <c>GOSYNC_STEP_LOG=0</c>. Otherwise iterations record their atomic
    /// steps (docs/step-log.md), so that a failing one's artifacts show its interleaving: every iteration on real
    /// threads and under <c>dotnet coyote test</c>; in <see cref="SystematicRun"/>, only replays, the failing iteration
    /// replayed among them. Logging takes no scheduling step, so a replay with it follows the explored schedule.
    /// </summary>
    public const string StepLogVariable = "GOSYNC_STEP_LOG";

    /// <summary>Whether iterations record their step logs: on unless <see cref="StepLogVariable"/> is 0, or a run or test sets it.</summary>
    public static bool StepLogging { get; set; } = Environment.GetEnvironmentVariable(StepLogVariable) != "0";

    /// <summary>Whether <see cref="StepLogsVariable"/> asks for every iteration's log.</summary>
    internal static bool EveryStepLogRequested => Environment.GetEnvironmentVariable(StepLogsVariable) is { Length: > 0 };

    /// <summary>
    /// The variable that makes every iteration that reaches <see cref="Finish"/> write its whole step log to
    /// <c>DIR/&lt;harness&gt;/&lt;iteration&gt;.ndjson</c>: tools/Runner <c>validate-traces</c> checks them against the TLA+
    /// model (a failing iteration's log is also in its artifacts, <c>steps.ndjson</c>).
    /// </summary>
    public const string StepLogsVariable = "GOSYNC_STEP_LOGS";

    private void WriteStepLog()
    {
        if (Environment.GetEnvironmentVariable(StepLogsVariable) is not { Length: > 0 } dir || _steps is null)
        {
            return;
        }

        var log = _steps.ToLog();
        var path = Path.Combine(dir, _harness, $"{log.Iteration}.ndjson");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = File.CreateText(path);
        StepLogJson.Write(log, writer);
    }

    /// <summary>The step log so far, when this iteration records one.</summary>
    public StepLog.StepLog? Steps => _steps?.ToLog();

    /// <summary>Starts an iteration of the calling harness: its method's name is the harness's name.</summary>
    public static Iteration Start([CallerMemberName] string harness = "") => new(harness, keyComparer: null);

    /// <summary>
    /// Starts an iteration of the calling harness whose map compares keys with <paramref name="keyComparer"/>: a fault
    /// harness's comparer that throws <see cref="InjectedFault"/>.
    /// </summary>
    public static Iteration Start(IEqualityComparer<int> keyComparer, [CallerMemberName] string harness = "") => new(harness, keyComparer);

    /// <summary>
    /// Brings the map into a harness's starting state, as <see cref="Main"/> alone, each key stored with itself as its
    /// value: the keys <paramref name="inRead"/> are stored and promoted into read (by a Range), then those of
    /// <paramref name="deleted"/> are deleted, leaving nil slots in read with no dirty, and last the keys
    /// <paramref name="onlyInDirty"/> are stored, which creates dirty and so expunges the deleted ones.
    /// </summary>
    /// <returns>The map, for the harness's concurrent part.</returns>
    public CheckedMap Given(int[]? inRead = null, int[]? deleted = null, int[]? onlyInDirty = null)
    {
        inRead ??= [];
        deleted ??= [];
        if (deleted.Except(inRead).Any())
        {
            throw new ArgumentException($"Only keys in read can be deleted there; not in read: {string.Join(", ", deleted.Except(inRead))}.", nameof(deleted));
        }

        foreach (var key in inRead)
        {
            Map.Store(Main, key, key);
        }

        if (inRead.Length > 0)
        {
            Map.Range(Main);
        }

        foreach (var key in deleted)
        {
            Map.Delete(Main, key);
        }

        foreach (var key in onlyInDirty ?? [])
        {
            Map.Store(Main, key, key);
        }

        return Map;
    }

    /// <summary>
    /// Writes the artifacts of the iteration that just ended, if Coyote reported a bug in it. <c>dotnet coyote test</c>
    /// calls this after every iteration, outside the controlled execution; the xunit path calls it after the engine stops.
    /// </summary>
    [TestIterationDispose]
    public static void WriteArtifactsIfFailed()
    {
        var iteration = s_current;
        s_current = null;
        if (iteration?.Failure is { } failure)
        {
            LastFailure = (failure, iteration._kind);
            Artifacts.WriteFailure(failure);
        }
    }

    /// <summary>The latest failed iteration in this process and the check that failed it, for in-process runs.</summary>
    internal static (FailedIteration Failure, FailureKind Kind)? LastFailure { get; set; }

    /// <summary>
    /// What the artifacts of this iteration are made from, if Coyote reported a bug in it: the checked history and the
    /// checker's result when <see cref="Finish"/> got as far as checking, else the history recorded so far.
    /// </summary>
    internal FailedIteration? Failure => _failure is not { } message
        ? null
        : _checked is var (history, result)
            ? new FailedIteration(_harness, history, message, result, Steps)
            : new FailedIteration(_harness, _recorder.ToHistory(), message, Check: null, Steps);

    /// <summary>
    /// Runs each action as a process of its own, with process ids 1, 2, ..., waits for all of them, and checks the
    /// invariants of the quiescent map they leave. Processes 2, 3, ... are tasks; process 1 runs on the calling task,
    /// once the others exist: the interleavings are the same (a task's creation is no map step), and each task saved is
    /// a controlled operation, and an OS thread, that Coyote does not create in every iteration.
    /// </summary>
    public async Task Concurrently(params Action<int>[] processes)
    {
        ArgumentOutOfRangeException.ThrowIfZero(processes.Length);
        Map.Concurrent = true;
        var tasks = new Task[processes.Length - 1];
        for (var i = 1; i < processes.Length; i++)
        {
            var process = i + 1;
            var body = processes[i];
            tasks[i - 1] = Task.Run(() => body(process));
        }

        processes[0](1);

        // Awaited one by one: .NET 10 binds Task.WhenAll(a, b) to a span overload that Coyote does not control.
        foreach (var task in tasks)
        {
            await task;
        }

        Map.Concurrent = false;
        Map.CheckInvariants();
    }

    /// <summary>
    /// The checks that end every iteration, once all processes have returned: the leak check, then linearizability
    /// of the whole history. Only the main task runs here, so every scheduling point would be a forced decision: they
    /// are suppressed, and the checks cost no step of the exploration.
    /// </summary>
    public void Finish()
    {
        try
        {
            using (NoScheduling.Begin())
            {
                Map.CheckAfterEachCall = false;
                CheckDeletedKeysAreNotKept();
                CheckDeletedEntriesAreExpunged();
                Map.CheckInvariants();
                var history = _recorder.ToHistory();
                var result = LinearizabilityChecker.Check(history, CheckerBudget);
                // Kept before the monitor fails the iteration: the artifact writer renders this result, not a second check.
                _checked = (history, result);
                LinearizabilityMonitor.FailIfViolated(result);
            }
        }
        finally
        {
            WriteStepLog();
        }

        // Under Coyote each iteration has its own runtime; on real threads (the stress comparison) the one default
        // runtime would otherwise keep every iteration's handler and history alive.
        RuntimeProvider.Current.OnFailure -= _onFailure;
    }

    /// <summary>
    /// Go issue 40999 changes no result, only what the map keeps alive. With two live keys promoted into read, storing and
    /// deleting fresh keys must never keep more than one of them reachable; a map that leaves deleted keys in dirty
    /// keeps all of them, because misses never catch up with dirty's growing count.
    /// </summary>
    private void CheckDeletedKeysAreNotKept()
    {
        Map.Store(Main, 1000, 0);
        Map.Store(Main, 1001, 0);
        Map.Range(Main);
        var baseline = Map.Shape().ReadCount;
        for (var key = 2000; key < 2003; key++)
        {
            Map.Store(Main, key, key);
            Map.LoadAndDelete(Main, key);
            var reachable = Map.Shape().ReachableEntries;
            if (reachable > baseline + 1)
            {
                FailedCheck.Note(FailureKind.Leak);
            }

            Specification.Assert(reachable <= baseline + 1,
                "DeletedKeysLeaveDirty: deleted keys are kept alive (Go issue 40999): {0} entries reachable after deleting fresh key {1}, at most {2} expected.",
                reachable, key, baseline + 1);
        }
    }

    /// <summary>
    /// A key deleted while in read must be expunged when dirty is next created, and so dropped at the next promotion.
    /// A dirtyLocked that copies deleted entries keeps every such key forever: each round here would add one.
    /// </summary>
    private void CheckDeletedEntriesAreExpunged()
    {
        var live = Map.Range(Main);
        for (var key = 3000; key < 3003; key++)
        {
            Map.Store(Main, key, key);
            Map.Range(Main); // promotes: the key is now in read
            Map.Delete(Main, key); // nil in read
            var reachable = Map.Shape().ReachableEntries;
            if (reachable > live + 1)
            {
                FailedCheck.Note(FailureKind.Leak);
            }

            Specification.Assert(reachable <= live + 1,
                "DeletedEntriesExpunged: deleted entries are never expunged: {0} entries reachable after deleting key {1}, at most {2} expected.",
                reachable, key, live + 1);
        }
    }
}
