using GoSync.Tooling;
using Microsoft.Coyote.Runtime;

namespace GoSync.Systematic.Infrastructure;

/// <summary>
/// The check that is failing the current iteration, noted by the check itself just before it asserts, so that the
/// kind travels as a value and is never read back out of a message.
/// </summary>
public static class FailedCheck
{
    private static FailureKind s_noted;

    /// <summary>Called by a check that is about to fail the iteration.</summary>
    public static void Note(FailureKind kind) => s_noted = kind;

    internal static void Reset() => s_noted = FailureKind.None;

    /// <summary>
    /// The kind of the failure Coyote reports with <paramref name="failure"/>: the check that noted itself, else an
    /// exception of the map's, else Coyote's own finding, told apart by Coyote's wording of it.
    /// </summary>
    internal static FailureKind Classify(Exception failure) => s_noted != FailureKind.None
        ? s_noted
        : failure is not AssertionFailureException
            ? FailureKind.Exception
            : failure.Message.Contains("Scheduling steps bound", StringComparison.Ordinal)
                ? FailureKind.Termination
                : failure.Message.Contains("eadlock", StringComparison.Ordinal)
                    ? FailureKind.Deadlock
                    : FailureKind.Exception;
}
