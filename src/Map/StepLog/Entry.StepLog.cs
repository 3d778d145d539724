#if GOSYNC_STEP_LOG
using GoSync.StepLog;

namespace GoSync;

// The step-logging build's implementation of Entry's hooks (Entry.Steps.cs): compiled only with GOSYNC_STEP_LOG, by
// tests/StepLoggedMap. Each turns the slot values the operation already holds into the log's terms and hands them to
// GoSync.StepLog, which Coyote does not rewrite; nothing here reads the slot again (that would be another scheduling
// point) or touches a collection.
internal sealed partial class Entry<TValue>
{
    /// <summary>A slot's content in the log's terms.</summary>
    internal static StepSlot ToStepSlot(object? p) =>
        p is null ? StepSlot.Nil : ReferenceEquals(p, Sentinels.Expunged) ? StepSlot.Expunged : StepSlot.Live(Unwrap(p));

    partial void StepRead(string action, object? p, string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Slot(action, "Entry." + method, this, ToStepSlot(p), ToStepSlot(p));
        }
    }

    partial void StepCas(string action, object? witness, object? comparand, object? stored, string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Slot(action, "Entry." + method, this, ToStepSlot(witness), ToStepSlot(ReferenceEquals(witness, comparand) ? stored : witness));
        }
    }

    partial void StepStore(string action, object? witness, TValue value, string method)
    {
        if (MapSteps.Recording)
        {
            MapSteps.Slot(action, "Entry." + method, this, ToStepSlot(witness), witness is null ? StepSlot.Live(value) : ToStepSlot(witness));
        }
    }

    partial void StepUnexpungeSkipped(object? p, string method)
    {
        if (MapSteps.Recording && !ReferenceEquals(p, Sentinels.Expunged))
        {
            MapSteps.Slot("Unexpunge", "Entry." + method, this, ToStepSlot(p), ToStepSlot(p));
        }
    }
}
#endif
