namespace GoSync.Specs.Checking;

/// <summary>How a key step reads in an explanation.</summary>
internal static class StepText
{
    public static string Describe(KeyStep step, object key) => step.Kind switch
    {
        StepKind.RangeSaw => $"Range saw {Scalar.Format(key)}: {Scalar.Format(step.Source.Visited.First(p => Equals(p.Key, key)).Value)}",
        StepKind.RangeMissed => $"Range did not visit {Scalar.Format(key)}",
        StepKind.ClearDeletes => $"Clear() deletes {Scalar.Format(key)}",
        _ => OpText.Describe(step.Source),
    };

    /// <summary>Why a step cannot go where it had to, given the key's state there.</summary>
    public static string Reason(KeyStep step, int state, Partition partition)
    {
        var key = Scalar.Format(partition.Key);
        var held = partition.Values.Describe(state);
        if (KeyModel.Step(state, step, out _))
        {
            // It fits right after the prefix; the memo knows every way on from there is a dead end.
            return $"After the prefix {key} is {held} and the step fits there, but then the steps still to come cannot all be placed, in any order.";
        }

        return step.Kind switch
        {
            StepKind.RangeSaw =>
                $"The key must hold that value at some moment of the Range, but no order of the steps before it leaves it there (after the prefix {key} is {held}).",
            StepKind.RangeMissed =>
                $"A Range that ran to the end skips only keys absent at some moment of the call, but no order of the steps before it leaves {key} absent (after the prefix it is {held}).",
            _ =>
                $"After the prefix {key} is {held}, so the model answers {KeyModel.Expect(state, step, partition.Values)}, not {OpText.Result(step.Source)}; no other order of the steps before it does better.",
        };
    }
}
