namespace GoSync.Specs;

/// <summary>The checker's verdict on a history, with a readable explanation.</summary>
public sealed class CheckResult
{
    internal CheckResult(Verdict verdict, string explanation, Violation? violation, TimeSpan elapsed, int partitions)
    {
        Verdict = verdict;
        Explanation = explanation;
        Violation = violation;
        Elapsed = elapsed;
        Partitions = partitions;
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

    /// <summary>The verdict and the explanation.</summary>
    /// <returns>Text for a log.</returns>
    public override string ToString() => Explanation;
}
