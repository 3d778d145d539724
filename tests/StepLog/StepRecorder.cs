using GoSync.Specs;

namespace GoSync.StepLog;

/// <summary>
/// Records the step log of one iteration. A driver (the harnesses' <c>CheckedMap</c>, a unit test) brackets each map
/// call with <see cref="Call"/> and <see cref="Return"/> (or <see cref="Threw"/>) on the thread that makes it; the
/// step-logging build of the map reports each atomic step of that call through <see cref="MapSteps"/>, which finds the
/// call on the thread's stack of calls. Steps of threads with no call open (an invariant check, a map no driver watches)
/// are not recorded.
/// </summary>
/// <remarks>
/// Never rewritten by Coyote: its lock is a real one, uncontended under Coyote (one controlled task runs at a time and
/// none stops in here), so recording takes no scheduling step and synchronises nothing Coyote explores. On real threads
/// the lock orders the lines; a step and its line are not one atomic action there (docs/step-log.md).
/// </remarks>
public sealed class StepRecorder
{
    [ThreadStatic]
    private static List<StepFrame>? t_frames;

    private readonly object _gate = new();
    private readonly List<StepLine> _lines = [];
    private readonly Dictionary<object, int> _entryIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int, int> _calls = [];
    private int? _lockHolder;
    private int? _failureStep;

    /// <summary>Starts an empty log for iteration <paramref name="iteration"/> of <paramref name="harness"/>.</summary>
    public StepRecorder(string harness, int iteration) => (Harness, Iteration) = (harness, iteration);

    /// <summary>The harness whose iteration this is.</summary>
    public string Harness { get; }

    /// <summary>The iteration, from 1 (0 when unknown).</summary>
    public int Iteration { get; }

    /// <summary>The innermost open call of this thread, if any.</summary>
    internal static StepFrame? CurrentFrame => t_frames is { Count: > 0 } frames ? frames[^1] : null;

    /// <summary>Opens a call of <paramref name="thread"/> on the current OS thread: the map's next steps here are its steps.</summary>
    public void Call(int thread, StepCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var frames = t_frames ??= [];
        frames.RemoveAll(f => f.Recorder != this); // left by an iteration that was abandoned (a deadlock)
        int n;
        lock (_gate)
        {
            n = _calls.TryGetValue(thread, out var count) ? count : 0;
            _calls[thread] = n + 1;
        }

        frames.Add(new StepFrame(this, thread, n, call));
    }

    /// <summary>Closes this thread's innermost call: its last step gets <paramref name="result"/>.</summary>
    public void Return(StepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var frame = Pop();
        lock (_gate)
        {
            if (frame.LastLine >= 0)
            {
                _lines[frame.LastLine] = _lines[frame.LastLine] with { Ret = result };
            }
        }
    }

    /// <summary>Closes this thread's innermost call, which threw <paramref name="exception"/> instead of returning.</summary>
    public void Threw(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frame = Pop();
        lock (_gate)
        {
            if (_lockHolder == frame.Thread)
            {
                _lockHolder = null; // the lock statement released it
            }

            _lines.Add(new StepLine
            {
                Kind = LineKind.Threw, I = _lines.Count, T = frame.Thread, N = frame.N, Action = "", Method = "",
                Exception = exception.GetType().Name, Lock = _lockHolder,
            });
        }
    }

    /// <summary>Marks the last step so far as the one after which a check failed (an invariant check).</summary>
    public void MarkFailure()
    {
        lock (_gate)
        {
            _failureStep ??= _lines.Count - 1;
        }
    }

    /// <summary>The log so far.</summary>
    public StepLog ToLog()
    {
        lock (_gate)
        {
            return new StepLog(Harness, Iteration, [.. _lines], _failureStep);
        }
    }

    /// <summary>Appends a step of <paramref name="frame"/>'s call, with the lock and tables as <paramref name="locking"/> says.</summary>
    internal void Append(StepFrame frame, StepLine line, Locking locking, IStepSource? tables = null, object? entry = null)
    {
        lock (_gate)
        {
            switch (locking)
            {
                case Locking.Holds:
                    _lockHolder = frame.Thread;
                    break;
                case Locking.Unlocks:
                    _lockHolder = null;
                    break;
            }

            var logged = line with
            {
                I = _lines.Count, T = frame.Thread, N = frame.N,
                Entry = line.HasEntry && entry is not null ? IdOf(entry) : null,
                Lock = _lockHolder,
                Tables = locking == Locking.Unlocks && tables is not null ? Convert(tables.StepTables()) : null,
            };
            frame.LastLine = _lines.Count;
            _lines.Add(logged);
        }
    }

    /// <summary>
    /// The end of a multi-step locked region: the tables go onto the call's last step when nothing was logged since it,
    /// else onto an <c>Unlock</c> line of their own (docs/step-log.md).
    /// </summary>
    internal void Unlock(StepFrame frame, string method)
    {
        lock (_gate)
        {
            _lockHolder = null;
            var tables = frame.Map is { } map ? Convert(map.StepTables()) : null;
            if (frame.LastLine >= 0 && frame.LastLine == _lines.Count - 1)
            {
                _lines[frame.LastLine] = _lines[frame.LastLine] with { Lock = null, Tables = tables };
                return;
            }

            frame.LastLine = _lines.Count;
            _lines.Add(new StepLine
            {
                I = _lines.Count, T = frame.Thread, N = frame.N, Action = ModelActions.Unlock, Method = method, Lock = null,
                Tables = tables,
            });
        }
    }

    private StepFrame Pop()
    {
        var frames = t_frames;
        if (frames is not { Count: > 0 } || frames[^1].Recorder != this)
        {
            throw new InvalidOperationException("no call of this recorder is open on this thread");
        }

        var frame = frames[^1];
        frames.RemoveAt(frames.Count - 1);
        return frame;
    }

    private int IdOf(object entry)
    {
        if (!_entryIds.TryGetValue(entry, out var id))
        {
            id = _entryIds.Count + 1;
            _entryIds.Add(entry, id);
        }

        return id;
    }

    private LoggedTables Convert(StepTables tables) => new(
        Sorted(tables.Read), tables.Amended, tables.Dirty is { } dirty ? Sorted(dirty) : null, tables.Misses);

    private List<KeyValuePair<object, int>> Sorted(KeyValuePair<object, object>[] pairs) =>
        [.. pairs.Select(p => (Key: Scalar.Normalize(p.Key)!, p.Value))
            .OrderBy(p => p.Key, ScalarOrder.Instance)
            .Select(p => new KeyValuePair<object, int>(p.Key, IdOf(p.Value)))];
}

/// <summary>How a step changes the model's <c>lock</c>.</summary>
internal enum Locking
{
    /// <summary>Not at all.</summary>
    Unchanged,

    /// <summary>The thread holds the lock after it, across steps.</summary>
    Holds,

    /// <summary>It ends a locked region: the lock is free after it, and the step carries the tables.</summary>
    Unlocks,
}

/// <summary>One open call on an OS thread: whose it is, and what the map told the log about it so far.</summary>
internal sealed class StepFrame(StepRecorder recorder, int thread, int n, StepCall call)
{
    public StepRecorder Recorder { get; } = recorder;

    public int Thread { get; } = thread;

    public int N { get; } = n;

    public StepCall Call { get; } = call;

    /// <summary>Whether the call's Begin has been logged.</summary>
    public bool Begun { get; set; }

    /// <summary>The map the call runs on, for the tables at the end of a locked region.</summary>
    public IStepSource? Map { get; set; }

    /// <summary>The index of the call's last line, or -1.</summary>
    public int LastLine { get; set; } = -1;

    /// <summary>The locked action that AddToDirtyLocked is finishing (SwapLocked, LosLocked, LosAdd), and its key.</summary>
    public string? AddingAction { get; set; }

    public object? AddingKey { get; set; }

    /// <summary>Whether AddToDirtyLocked is building dirty (DirtyNext steps), so that its last step is DirtyNext.</summary>
    public bool BuildingDirty { get; set; }

    /// <summary>The key whose slot DirtyLocked or Range reads next.</summary>
    public object? WalkKey { get; set; }
}

/// <summary>Orders normalised scalars: numbers by value, then strings, null first.</summary>
internal sealed class ScalarOrder : IComparer<object?>
{
    public static readonly ScalarOrder Instance = new();

    public int Compare(object? x, object? y) => (x, y) switch
    {
        (long a, long b) => a.CompareTo(b),
        (double or long, double or long) => System.Convert.ToDouble(x).CompareTo(System.Convert.ToDouble(y)),
        _ => string.CompareOrdinal(Scalar.Format(x), Scalar.Format(y)),
    };
}
