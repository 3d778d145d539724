namespace GoSync.Tooling;

/// <summary>
/// The Coyote strategies a harness can be explored with, named once for the runner's options and the harness process
/// (tests/Systematic's SystematicSettings maps each name to Coyote's configuration).
/// </summary>
public static class Strategies
{
    /// <summary>Coyote's tuned mix of strategies, and its default.</summary>
    public const string Default = "portfolio";

    public static readonly string[] All = [Default, "random", "probabilistic", "prioritization", "delay-bounding"];

    public static string Described => string.Join(", ", All.Select(s => s == Default ? $"{s} (default)" : s));
}
