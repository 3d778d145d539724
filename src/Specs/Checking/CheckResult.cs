using GoSync.Specs.Checking;

namespace GoSync.Specs;

/// <summary>The checker's verdict on a history, with a readable explanation.</summary>
public sealed class CheckResult
{
    internal CheckResult(
        Verdict verdict, string explanation, Violation? violation, TimeSpan elapsed, IReadOnlyList<Partition> partitioned)
    {
        Verdict = verdict;
        Explanation = explanation;
        Violation = violation;
        Elapsed = elapsed;
        Partitions = partitioned.Count;
        Partitioned = partitioned;
    }

    /// <summary>The verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>
    /// For a violation, the failing key's timeline (one lane per process), the longest linearisable prefix and the
    /// operation that could not be placed; otherwise one or two lines.
    /// </summary>
    public string Explanation { get; }

    /// <summary>The violation, when the verdict is <see cref="Verdict.NotLinearizable"/>.</summary>
    public Violation? Violation { get; }

    /// <summary>How long the check took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>How many key partitions the history has.</summary>
    public int Partitions { get; }

    /// <summary>
    /// The key partitions the checker split the history into, kept so that a renderer (<see cref="HtmlTimeline"/>)
    /// shows the partitions that were checked instead of splitting the history again.
    /// </summary>
    internal IReadOnlyList<Partition> Partitioned { get; }

    /// <summary>The verdict and the explanation.</summary>
    /// <returns>Text for a log.</returns>
    public override string ToString() => Explanation;
}
