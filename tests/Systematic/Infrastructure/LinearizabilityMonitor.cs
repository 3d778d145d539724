using GoSync.Specs;
using GoSync.Tooling;
using Microsoft.Coyote.Specifications;

namespace GoSync.Systematic.Infrastructure;

/// <summary>
/// The hook a Coyote harness calls at the end of each iteration, with the checker's result for the recorded history:
/// on a violation it fails the iteration with the explanation. It writes nothing: the iteration keeps the result and
/// <see cref="Artifacts.WriteFailure"/> writes the history, the text and the timeline from it.
/// </summary>
/// <remarks>
/// It lives here, not in GoSync.Specs, so that the Specs package (the recorder and the checker) needs no Coyote: only
/// the harnesses fail iterations through <see cref="Specification.Assert(bool, string, object)"/>.
/// </remarks>
public static class LinearizabilityMonitor
{
    /// <summary>
    /// On <see cref="Verdict.NotLinearizable"/>, fails via <see cref="Specification.Assert(bool, string, object)"/>:
    /// under Coyote's TestingEngine that fails the iteration and reports the explanation with the schedule; outside it,
    /// Coyote throws an <see cref="Microsoft.Coyote.Runtime.AssertionFailureException"/> carrying the same text. An
    /// <see cref="Verdict.Unknown"/> verdict does not fail: nothing was proven wrong.
    /// </summary>
    /// <param name="result">The checker's result for the iteration's history.</param>
    public static void FailIfViolated(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Verdict == Verdict.NotLinearizable)
        {
            FailedCheck.Note(FailureKind.Linearizability);
            // Coyote formats the message: pass it as an argument, for it is full of braces.
            Specification.Assert(false, "{0}", result.Explanation);
        }
    }
}
