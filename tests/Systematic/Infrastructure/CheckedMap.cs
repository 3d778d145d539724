using GoSync.Specs;
using GoSync.StepLog;
using GoSync.Tooling;
using Microsoft.Coyote.Runtime;
using Microsoft.Coyote.Specifications;

namespace GoSync.Systematic.Infrastructure;

/// <summary>
/// The map as every harness drives it: each call is recorded into the iteration's history (call and return
/// timestamps around the call itself), and the design's invariants are checked whenever a call returns and leaves the
/// map quiescent, no call in progress in any task.
/// </summary>
/// <remarks>
/// <para>
/// Nothing here adds a synchronisation or a scheduling step between a task's operations. The recorder (GoSync.Specs,
/// which is not rewritten) takes no controlled lock or atomic, and the call counter and visit logs are not rewritten
/// either, so the only scheduling points of a call are the map's own. The invariant check takes the map's lock, so it
/// runs only when no call is in progress, where the lock is free; and it runs with scheduling suppressed, so it is
/// atomic with respect to the other tasks and costs no step. The old check after every call took the lock whatever
/// the other tasks were doing, so a task could not start its next (say lock-free) call while another task was inside
/// a locked region: it hid every bug that needs exactly that.
/// </para>
/// <para>
/// Outside <see cref="Iteration.Concurrently"/> only one task runs, so every scheduling point of a call is a forced
/// decision: those calls run with scheduling suppressed too, and set-up and epilogue cost no step.
/// </para>
/// </remarks>
public sealed class CheckedMap(HistoryRecorder recorder, IEqualityComparer<int>? keyComparer = null)
{
    /// <summary>
    /// The placement secret of every harness's map: fixed, so that an iteration's table layouts and Range orders, and so
    /// its schedule, replay exactly. Failure reports name it.
    /// </summary>
    internal static readonly Placement Placement = new(0x9E3779B97F4A7C15);

    private readonly CallsInProgress _inProgress = new();

    /// <summary>
    /// The map under test. Keys are small integers; values are boxed integers or null, one box per integer
    /// (<see cref="Box"/>), so that a store of the value a key holds is a store of the very object it holds and takes
    /// the map's same-value skip, while <see cref="StoreInNewBox"/> stores an equal value that is not the same object.
    /// CompareAndSwap and CompareAndDelete compare with the default comparer, <c>object.Equals</c>: by value.
    /// </summary>
    internal SyncMap<int, object?> Map { get; } = new(keyComparer, null, Placement);

    /// <summary>
    /// Whether a call that leaves the map quiescent is followed by the invariant check. The single-threaded epilogue of
    /// <see cref="Iteration.Finish"/> turns it off and checks once at its end.
    /// </summary>
    public bool CheckAfterEachCall { get; set; } = true;

    /// <summary>True while the tasks of <see cref="Iteration.Concurrently"/> run; false while only the main task does.</summary>
    internal bool Concurrent { get; set; }

    /// <summary>
    /// The iteration's step log, when it records one: each call is opened and closed on it around the map's method, so
    /// that the step-logging build of the map logs the call's atomic steps (docs/step-log.md). Not rewritten: no step.
    /// </summary>
    internal StepRecorder? Steps { get; set; }

    public int? Load(int process, int key)
    {
        Begin();
        var op = Invoke(process, OpKind.Load, key);
        var ok = false;
        int? value = null;
        if (Completed(op, () =>
        {
            ok = Map.TryLoad(key, out var boxed);
            value = Unbox(boxed);
        }))
        {
            Return(op, ok, value);
        }

        End();
        return ok ? value : null;
    }

    public void Store(int process, int key, int? value) => Store(process, key, value, Box(value));

    /// <summary>A Store of <paramref name="value"/> in a box of its own: equal to the value a key may hold, but not it.</summary>
    public void StoreInNewBox(int process, int key, int value) => Store(process, key, value, value);

    private void Store(int process, int key, int? value, object? boxed)
    {
        Begin();
        var op = Invoke(process, OpKind.Store, key, value);
        if (Completed(op, () => Map.Store(key, boxed)))
        {
            Return(op);
        }

        End();
    }

    public int? LoadOrStore(int process, int key, int? value)
    {
        Begin();
        var op = Invoke(process, OpKind.LoadOrStore, key, value);
        var loaded = false;
        int? actual = null;
        if (Completed(op, () => actual = Unbox(Map.LoadOrStore(key, Box(value), out loaded))))
        {
            Return(op, loaded, actual);
        }

        End();
        return actual;
    }

    public int? LoadAndDelete(int process, int key)
    {
        Begin();
        var op = Invoke(process, OpKind.LoadAndDelete, key);
        var loaded = false;
        int? value = null;
        if (Completed(op, () =>
        {
            loaded = Map.TryLoadAndDelete(key, out var boxed);
            value = Unbox(boxed);
        }))
        {
            Return(op, loaded, value);
        }

        End();
        return value;
    }

    public void Delete(int process, int key)
    {
        Begin();
        var op = Invoke(process, OpKind.Delete, key);
        if (Completed(op, () => Map.Delete(key)))
        {
            Return(op);
        }

        End();
    }

    public int? Swap(int process, int key, int? value)
    {
        Begin();
        var op = Invoke(process, OpKind.Swap, key, value);
        var loaded = false;
        int? previous = null;
        if (Completed(op, () =>
        {
            loaded = Map.Swap(key, Box(value), out var boxed);
            previous = Unbox(boxed);
        }))
        {
            Return(op, loaded, previous);
        }

        End();
        return previous;
    }

    public bool CompareAndSwap(int process, int key, int? expected, int? value)
    {
        Begin();
        var op = Invoke(process, OpKind.CompareAndSwap, key, value, expected);
        var swapped = false;
        if (Completed(op, () => swapped = Map.CompareAndSwap(key, Box(expected), Box(value))))
        {
            Return(op, swapped);
        }

        End();
        return swapped;
    }

    public bool CompareAndDelete(int process, int key, int? expected)
    {
        Begin();
        var op = Invoke(process, OpKind.CompareAndDelete, key, expected: expected);
        var deleted = false;
        if (Completed(op, () => deleted = Map.CompareAndDelete(key, Box(expected))))
        {
            Return(op, deleted);
        }

        End();
        return deleted;
    }

    /// <summary>
    /// Go's Range, visiting at most <paramref name="limit"/> keys. <paramref name="onVisit"/> runs inside the callback,
    /// so a harness can mutate the map while it is being ranged over. Returns how many keys were visited.
    /// </summary>
    public int Range(int process, int limit = int.MaxValue, Action<int, int?>? onVisit = null)
    {
        Begin();
        var op = Invoke(process, OpKind.Range);
        var visited = new VisitLog();
        var stopped = false;
        Map.Range((key, boxed) =>
        {
            var value = Unbox(boxed);
            visited.Add(key, value);
            onVisit?.Invoke(key, value);
            stopped = visited.Count >= limit;
            return !stopped;
        });
        ReturnRange(op, visited, stopped);
        End();
        return visited.Count;
    }

    /// <summary>
    /// The map's <c>foreach</c> (its enumerator), recorded as a Range: visits at most <paramref name="limit"/> keys and
    /// calls <paramref name="body"/> on each, so a body can wait for another task or write the map while the enumerator
    /// is suspended between two keys. Returns how many keys were visited.
    /// </summary>
    public int ForEach(int process, int limit = int.MaxValue, Action<int, int?>? body = null)
    {
        Begin();
        var op = Invoke(process, OpKind.Range);
        var visited = new VisitLog();
        var stopped = false;
        foreach (var (key, boxed) in Map)
        {
            var value = Unbox(boxed);
            visited.Add(key, value);
            body?.Invoke(key, value);
            if (visited.Count >= limit)
            {
                stopped = true;
                break;
            }
        }

        ReturnRange(op, visited, stopped);
        End();
        return visited.Count;
    }

    public void Clear(int process)
    {
        Begin();
        var op = Invoke(process, OpKind.Clear);
        Map.Clear();
        Return(op);
        End();
    }

    /// <summary>The one box of <paramref name="value"/>, for values in <see cref="Boxes"/>' range; a new one outside it.</summary>
    private static object? Box(int? value) =>
        value is not { } v ? null : (uint)(v - BoxesFrom) < (uint)Boxes.Length ? Boxes[v - BoxesFrom] : v;

    /// <summary>
    /// A value the map returned, as an integer. The cast throws <see cref="InvalidCastException"/> when a broken map
    /// hands out one of its sentinels as a value, which the harness reports as the map's failure.
    /// </summary>
    private static int? Unbox(object? boxed) => (int?)boxed;

    private const int BoxesFrom = -64;

    /// <summary>One box per integer the harnesses use (keys times ten, thousands for the epilogue's keys).</summary>
    private static readonly object[] Boxes = MakeBoxes(8192);

    private static object[] MakeBoxes(int count)
    {
        var boxes = new object[count]; // an array and a loop: nothing Coyote's rewriting instruments
        for (var i = 0; i < count; i++)
        {
            boxes[i] = BoxesFrom + i;
        }

        return boxes;
    }

    /// <summary>
    /// Runs one call of the map; false when user code that a fault harness gave the map threw
    /// <see cref="InjectedFault"/> inside it. Such a call is left out of the history: the map promises that it had no
    /// effect, and the linearizability check then holds it to that.
    /// </summary>
    private bool Completed(PendingOp op, Action call)
    {
        try
        {
            call();
            return true;
        }
        catch (InjectedFault fault)
        {
            recorder.Abandon(op);
            Steps?.Threw(fault);
            return false;
        }
    }

    /// <summary>Registers a call in the history and, when the iteration logs steps, opens it on the step log.</summary>
    private PendingOp Invoke(int process, OpKind kind, int? key = null, int? value = null, int? expected = null)
    {
        var op = recorder.Invoke(process, kind, key, value, expected);
        Steps?.Call(process, new StepCall(kind, key, value, expected));
        return op;
    }

    /// <summary>Records a call's return in the history and on the step log.</summary>
    private void Return(PendingOp op, bool ok = false, int? value = null)
    {
        recorder.Return(op, ok, value);
        Steps?.Return(new StepResult(op.Kind, ok, value));
    }

    private void ReturnRange(PendingOp op, VisitLog visited, bool stopped)
    {
        recorder.ReturnRange(op, visited.Pairs, stopped);
        Steps?.Return(new StepResult(OpKind.Range, false, null, visited.Pairs, stopped));
    }

    private void Begin()
    {
        if (!Concurrent)
        {
            SchedulingPoint.Suppress(); // resumed by End: one task runs, so no decision is lost
        }

        _inProgress.Enter();
    }

    private void End()
    {
        if (_inProgress.ExitLeavesNone() && CheckAfterEachCall)
        {
            CheckInvariants();
        }

        if (!Concurrent)
        {
            SchedulingPoint.Resume();
        }
    }

    /// <summary>
    /// Fails the iteration, naming every broken invariant, when the map's structure is wrong. Call it only where no
    /// call is in progress (it takes the map's lock, which must then be free); it runs with scheduling suppressed.
    /// </summary>
    public void CheckInvariants()
    {
        using (NoScheduling.Begin())
        {
            // Inside: the list is the map's, rewritten, and each call on it is a scheduling point.
            var violations = WithoutFaults(Map.FindInvariantViolations);
            if (violations.Count > 0)
            {
                Steps?.MarkFailure();
                FailedCheck.Note(FailureKind.Invariant);
            }

            Specification.Assert(violations.Count == 0, "SyncMap invariant violated: {0}", string.Join("; ", violations));
        }
    }

    /// <summary>The sizes of the map's parts, for the epilogue's structural checks.</summary>
    internal MapShape Shape() => WithoutFaults(Map.DescribeShape);

    /// <summary>
    /// Runs a check that looks keys up in the map's tables, and so calls its key comparer, with a fault harness's
    /// comparer paused: the check must neither throw the fault nor move it to another call.
    /// </summary>
    private T WithoutFaults<T>(Func<T> check)
    {
        if (keyComparer is not PoisonedKeyComparer)
        {
            return check();
        }

        using (PoisonedKeyComparer.Pause())
        {
            return check();
        }
    }
}
