using GoSync.Specs;

namespace GoSync.StepLog;

/// <summary>
/// The step log of one iteration: its lines in the order the steps happened, and the step at which a check failed,
/// when one did. The header's sets (threads, keys, values) are computed from the lines.
/// </summary>
/// <param name="Harness">The harness.</param>
/// <param name="Iteration">The iteration, from 1 (0 when unknown).</param>
/// <param name="Lines">The steps (and calls that threw), in order.</param>
/// <param name="FailureStep">The step after which a check failed, if one was marked.</param>
/// <param name="FailureMessage">What failed, when the log is a failing iteration's.</param>
public sealed record StepLog(string Harness, int Iteration, IReadOnlyList<StepLine> Lines, int? FailureStep = null, string? FailureMessage = null)
{
    /// <summary>Every thread that took a step, in increasing order.</summary>
    public IReadOnlyList<int> Threads => [.. Lines.Select(l => l.T).Distinct().Order()];

    /// <summary>Every key of an operation, a step or a table.</summary>
    public IReadOnlyList<object> Keys => [.. Lines
        .SelectMany(l => (IEnumerable<object?>)[l.Op?.Key, l.HasKey ? l.Key : null,
            .. (l.Tables?.Read ?? []).Select(p => p.Key), .. (l.Tables?.Dirty ?? []).Select(p => p.Key)])
        .OfType<object>().Distinct().Order(ScalarOrder.Instance)];

    /// <summary>Every value of an operation, a result or a slot; <c>null</c> is a value.</summary>
    public IReadOnlyList<object?> Values => [.. Lines.SelectMany(ValuesOf).Distinct().Order(ScalarOrder.Instance)];

    /// <summary>The lines that are steps.</summary>
    public IEnumerable<StepLine> Steps => Lines.Where(l => l.Kind == LineKind.Step);

    /// <summary>
    /// The line at which the iteration failed: the marked step, else the step that completes the operation the
    /// linearizability checker could not place (<paramref name="unplaced"/>, a call of <paramref name="history"/>), else
    /// the last line.
    /// </summary>
    public int? FailingLine(History history, Operation? unplaced)
    {
        if (FailureStep is { } marked && marked >= 0)
        {
            return marked;
        }

        if (unplaced is not null && LineOf(history, unplaced) is { } line)
        {
            return line;
        }

        return Lines.Count > 0 ? Lines.Count - 1 : null;
    }

    /// <summary>
    /// The last line of the call that is <paramref name="op"/> in the history: its process's calls in the history (calls
    /// that threw are left out of it) are its thread's calls in the log, in the same order.
    /// </summary>
    public int? LineOf(History history, Operation op)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(op);
        var ordinal = history.Operations.Where(o => o.Process == op.Process).OrderBy(o => o.Call).ToList().IndexOf(op);
        var threw = Lines.Where(l => l.Kind == LineKind.Threw && l.T == op.Process).Select(l => l.N).ToHashSet();
        var calls = Lines.Where(l => l.T == op.Process && l.Op is not null && !threw.Contains(l.N)).Select(l => l.N).ToList();
        return ordinal >= 0 && ordinal < calls.Count ? Lines.Last(l => l.T == op.Process && l.N == calls[ordinal]).I : null;
    }

    private static IEnumerable<object?> ValuesOf(StepLine l)
    {
        if (l.Op is { } op)
        {
            var facts = OperationFacts.Of(op.Kind);
            if (facts.TakesArg)
            {
                yield return op.Val;
            }

            if (facts.TakesExpected)
            {
                yield return op.Old;
            }
        }

        foreach (var slot in (StepSlot?[])[l.Before, l.After, l.Visit])
        {
            if (slot is { State: SlotState.Live } live)
            {
                yield return live.Value;
            }
        }

        if (l.Ret is { } ret)
        {
            var facts = OperationFacts.Of(ret.Kind);
            if (facts.ReturnsValue && (ret.Ok || facts.ValueWhenNotOk))
            {
                yield return Scalar.Normalize(ret.Value);
            }

            foreach (var pair in ret.Visited ?? [])
            {
                yield return Scalar.Normalize(pair.Value);
            }
        }
    }
}
