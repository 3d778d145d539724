namespace GoSync.Specs.Checking;

/// <summary>
/// The sequential specification restricted to one key, on interned values: the search's inner loop. It must agree with
/// <see cref="SequentialSpec"/>; the property tests compare the checker with a brute force built on that one.
/// </summary>
internal static class KeyModel
{
    /// <summary>Applies a step to a key's state (-1 absent, else a value id).</summary>
    /// <returns>Whether the step's recorded results are the model's; a pending step's always are.</returns>
    public static bool Step(int state, KeyStep step, out int next)
    {
        var present = state != ValueTable.Absent;
        next = state;
        switch (step.Kind)
        {
            case StepKind.RangeSaw:
                return state == step.Value;
            case StepKind.RangeMissed:
                return !present;
            case StepKind.ClearDeletes:
                next = ValueTable.Absent;
                return true;
        }

        bool agrees;
        switch (step.Op)
        {
            case OpKind.Load:
                agrees = step.Ok == present && (!present || step.Value == state);
                break;
            case OpKind.Store:
                next = step.Arg;
                return true;
            case OpKind.LoadOrStore:
                if (present)
                {
                    agrees = step.Ok && step.Value == state;
                }
                else
                {
                    agrees = !step.Ok && step.Value == step.Arg;
                    next = step.Arg;
                }

                break;
            case OpKind.LoadAndDelete:
                agrees = step.Ok == present && (!present || step.Value == state);
                next = ValueTable.Absent;
                break;
            case OpKind.Delete:
                next = ValueTable.Absent;
                return true;
            case OpKind.Swap:
                agrees = step.Ok == present && (!present || step.Value == state);
                next = step.Arg;
                break;
            case OpKind.CompareAndSwap:
                var swaps = present && state == step.Expected;
                agrees = step.Ok == swaps;
                next = swaps ? step.Arg : state;
                break;
            case OpKind.CompareAndDelete:
                var deletes = present && state == step.Expected;
                agrees = step.Ok == deletes;
                next = deletes ? ValueTable.Absent : state;
                break;
            default:
                throw new InvalidOperationException($"{step.Op} is not a single-key operation");
        }

        return agrees || step.IsPending;
    }

    /// <summary>What the model answers for a step in a state, for explanations.</summary>
    public static string Expect(int state, KeyStep step, ValueTable values)
    {
        var present = state != ValueTable.Absent;
        var held = values.Describe(state);
        return step.Kind switch
        {
            StepKind.RangeSaw or StepKind.RangeMissed => held,
            StepKind.ClearDeletes => "nothing",
            _ => step.Op switch
            {
                OpKind.Load or OpKind.LoadAndDelete or OpKind.Swap => held,
                OpKind.LoadOrStore => present ? $"loaded {held}" : $"stored {values.Describe(step.Arg)}",
                OpKind.CompareAndSwap or OpKind.CompareAndDelete => present && state == step.Expected ? "true" : "false",
                _ => "nothing",
            },
        };
    }
}
