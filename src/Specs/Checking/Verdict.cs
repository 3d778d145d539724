namespace GoSync.Specs;

/// <summary>What the checker decided about a history.</summary>
public enum Verdict
{
    /// <summary>Every key's sub-history has a linearisation: no violation of what the checker checks (see docs/checker.md).</summary>
    Linearizable,

    /// <summary>Some key's sub-history has no linearisation, or a Range visited a key twice.</summary>
    NotLinearizable,

    /// <summary>The time budget ran out before the search finished, and no violation was found before that.</summary>
    Unknown,
}
