using System.Runtime.CompilerServices;

namespace GoSync;

// The step log's hooks in Entry: one call after each Volatile/Interlocked operation on the slot, named by the action of
// tla/SyncMap.tla that the operation implements (docs/step-log.md). They are partial methods without an implementation
// here: the compiler removes them, every call to them and the evaluation of their arguments, so the shipped assembly
// has no trace of them. The step-logging test build (tests/StepLoggedMap, symbol GOSYNC_STEP_LOG) implements them in
// StepLog/Entry.StepLog.cs.
internal sealed partial class Entry<TValue>
{
    /// <summary>A read of the slot that found <paramref name="p"/>.</summary>
    partial void StepRead(string action, object? p, [CallerMemberName] string method = "");

    /// <summary>
    /// A compare-exchange that found <paramref name="witness"/>: it wrote <paramref name="stored"/> when the witness was
    /// <paramref name="comparand"/> (an exchange passes its witness as the comparand).
    /// </summary>
    partial void StepCas(string action, object? witness, object? comparand, object? stored, [CallerMemberName] string method = "");

    /// <summary>A compare-exchange of a deleted slot with <paramref name="value"/>, which found <paramref name="witness"/>.</summary>
    partial void StepStore(string action, object? witness, TValue value, [CallerMemberName] string method = "");

    /// <summary><see cref="IsExpunged"/>'s read: when the slot is not expunged, this read is the whole Unexpunge step.</summary>
    partial void StepUnexpungeSkipped(object? p, [CallerMemberName] string method = "");
}
