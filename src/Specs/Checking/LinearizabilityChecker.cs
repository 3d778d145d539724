using GoSync.Specs.Checking;
using GoSync.Specs.Explaining;

namespace GoSync.Specs;

/// <summary>
/// Decides whether a history of <c>sync.Map</c> operations is linearisable: Wing and Gong's search with Lowe's memo,
/// run on each key's sub-history alone. What exactly is checked for Range, Clear and pending calls is in
/// docs/checker.md; in short, Range and Clear become one step per key, each anywhere in the call's interval.
/// </summary>
public static class LinearizabilityChecker
{
    /// <summary>Checks a history.</summary>
    /// <param name="history">The history.</param>
    /// <param name="budget">How long the search may take; past it the verdict is <see cref="Verdict.Unknown"/> unless a violation was found.</param>
    /// <returns>The verdict and its explanation.</returns>
    public static CheckResult Check(History history, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(history);
        var clock = new Budget(budget);
        var split = Partitioner.Split(history);
        var partitions = split.Partitions;
        if (split.DuplicateVisit is var (range, key))
        {
            return Violated(ViolationReport.DuplicateVisit(history, range, key), clock, partitions);
        }

        // Smallest first: the first partition that fails is the smallest failing one, and the easiest to read.
        var order = partitions.OrderBy(p => p.Steps.Count).ToList();
        Partition? unknown = null;
        var decided = 0;
        foreach (var partition in order)
        {
            var outcome = LinearizationSearch.Run(partition, clock);
            switch (outcome.Verdict)
            {
                case Verdict.NotLinearizable:
                    return Violated(ViolationReport.From(partition, outcome), clock, partitions);
                case Verdict.Unknown:
                    unknown ??= partition;
                    break;
                default:
                    decided++;
                    break;
            }
        }

        var ops = history.Operations.Count;
        var elapsed = clock.Elapsed;
        if (unknown is not null)
        {
            var text =
                $"Unknown: the budget of {clock.Limit.TotalSeconds:0.###} s ran out while checking key {Scalar.Format(unknown.Key)} "
                + $"({unknown.Steps.Count} steps). {decided} of {partitions.Count} key partitions are linearizable; no violation found.";
            return new CheckResult(Verdict.Unknown, text, null, elapsed, partitions);
        }

        return new CheckResult(
            Verdict.Linearizable,
            $"Linearizable: {Plural(ops, "operation")}, {Plural(partitions.Count, "key")}, checked in {elapsed.TotalMilliseconds:0.#} ms.",
            null,
            elapsed,
            partitions);
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static CheckResult Violated(Violation violation, Budget clock, IReadOnlyList<Partition> partitions) =>
        new(Verdict.NotLinearizable, TextTimeline.Explain(violation), violation, clock.Elapsed, partitions);
}
