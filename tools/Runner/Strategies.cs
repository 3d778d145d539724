namespace GoSync.Runner;

/// <summary>The Coyote strategies the runner's commands accept, written once for both options that take them.</summary>
internal static class Strategies
{
    public const string Default = "portfolio";

    public static readonly string[] All = [Default, "random", "probabilistic", "prioritization", "delay-bounding"];

    public static string Described => string.Join(", ", All.Select(s => s == Default ? $"{s} (default)" : s));
}
