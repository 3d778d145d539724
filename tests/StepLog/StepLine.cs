namespace GoSync.StepLog;

/// <summary>The kinds of line in a step log (docs/step-log.md).</summary>
public enum LineKind
{
    /// <summary>One atomic step.</summary>
    Step,

    /// <summary>A call that threw instead of returning.</summary>
    Threw,
}

/// <summary>One line of a step log after its header: an atomic step of one thread (or a call that threw).</summary>
public sealed record StepLine
{
    /// <summary>Step or threw.</summary>
    public LineKind Kind { get; init; } = LineKind.Step;

    /// <summary>Position in the log, from 0.</summary>
    public int I { get; init; }

    /// <summary>The thread (process id) that took the step.</summary>
    public int T { get; init; }

    /// <summary>The TLA+ action of <c>SyncMap.tla</c>'s <c>Step(t)</c>, or <c>Unlock</c>.</summary>
    public string Action { get; init; } = "";

    /// <summary>The C# <c>Type.Method</c> that emitted it.</summary>
    public string Method { get; init; } = "";

    /// <summary>Which operation of the thread (0, 1, ...).</summary>
    public int N { get; init; }

    /// <summary>The call, on the operation's <c>Begin</c>.</summary>
    public StepCall? Op { get; init; }

    /// <summary>Whether the step concerns a key (<see cref="Key"/> may then be any scalar but null).</summary>
    public bool HasKey { get; init; }

    /// <summary>The key the step concerns.</summary>
    public object? Key { get; init; }

    /// <summary>Whether the step concerns an entry (<see cref="Entry"/> null: a lookup that found none).</summary>
    public bool HasEntry { get; init; }

    /// <summary>The entry's id.</summary>
    public int? Entry { get; init; }

    /// <summary>The slot before a slot step.</summary>
    public StepSlot? Before { get; init; }

    /// <summary>The slot after a slot step.</summary>
    public StepSlot? After { get; init; }

    /// <summary>The value a RangeVisit hands to the callback.</summary>
    public StepSlot? Visit { get; init; }

    /// <summary>The model's <c>lock</c> after the step: the thread holding the map's lock across steps, or null.</summary>
    public int? Lock { get; init; }

    /// <summary>The call's result, on the step that completes it.</summary>
    public StepResult? Ret { get; init; }

    /// <summary>The locked state at the end of a locked region.</summary>
    public LoggedTables? Tables { get; init; }

    /// <summary>The exception's type name, on a <see cref="LineKind.Threw"/> line.</summary>
    public string? Exception { get; init; }
}
