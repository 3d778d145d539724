namespace GoSync.Specs.Checking;

/// <summary>Turns a failed search into a <see cref="Violation"/> a person can read.</summary>
internal static class ViolationReport
{
    public static Violation From(Partition partition, SearchOutcome outcome)
    {
        var steps = partition.Steps;
        var state = ValueTable.Absent;
        var prefix = new List<PlacedStep>(outcome.Prefix.Length);
        foreach (var i in outcome.Prefix)
        {
            KeyModel.Step(state, steps[i], out state);
            prefix.Add(new PlacedStep(steps[i].Source, StepText.Describe(steps[i], partition.Key), partition.Values.Describe(state)));
        }

        var unplaced = steps[outcome.Unplaced];
        return new Violation(
            partition.Key,
            partition.Operations(),
            prefix,
            unplaced.Source,
            StepText.Describe(unplaced, partition.Key),
            StepText.Reason(unplaced, outcome.State, partition));
    }

    public static Violation DuplicateVisit(History history, Operation range, object key)
    {
        var ops = history.Operations
            .Where(op => Equals(op.Key, key) || op == range)
            .OrderBy(op => op.Call)
            .ToList();
        var k = Scalar.Format(key);
        return new Violation(
            key,
            ops,
            [],
            range,
            $"Range visited {k} twice",
            $"It visited {k} twice; Go's Range visits each key at most once.");
    }
}
