using GoSync.Specs;
using GoSync.StepLog;

namespace GoSync.Systematic.Infrastructure;

/// <summary>
/// What one failing iteration hands to <see cref="Artifacts.WriteFailure"/>: its history, the checker's result for that
/// history if the iteration got as far as checking it, and Coyote's message. Carried as data so that the writer never
/// checks again: the text and the timeline both come from <see cref="Check"/>.
/// </summary>
/// <param name="Harness">The harness whose iteration failed.</param>
/// <param name="History">The iteration's history (the one checked, when <see cref="Check"/> is not null).</param>
/// <param name="CoyoteMessage">Coyote's report of the failure: an assertion's text, a deadlock, an exception.</param>
/// <param name="Check">The checker's result, computed once in <see cref="Iteration.Finish"/>; null when the iteration
/// failed before it (an invariant check, a leak check, a deadlock).</param>
/// <param name="Steps">The iteration's step log, when it recorded one.</param>
public sealed record FailedIteration(string Harness, History History, string CoyoteMessage, CheckResult? Check, StepLog.StepLog? Steps = null)
{
    /// <summary>
    /// The step log line at which the iteration failed: the step after which an invariant check failed, else the return
    /// of the call the checker could not place, else the last step. Null without a step log.
    /// </summary>
    public int? FailingStep => Steps?.FailingLine(History, Check?.Violation?.Unplaced);

    /// <summary>
    /// The explanation of the failure: for a violation the checker's own explanation (the same text Coyote was given, taken
    /// from the result rather than back from Coyote), otherwise Coyote's message.
    /// </summary>
    public string Explanation => Check is { Verdict: Verdict.NotLinearizable } c ? c.Explanation : CoyoteMessage;
}
