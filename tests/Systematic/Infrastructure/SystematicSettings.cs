using System.Globalization;
using GoSync.Tooling;
using Microsoft.Coyote;

namespace GoSync.Systematic.Infrastructure;

/// <summary>
/// The budget of a systematic run: under <c>dotnet test</c> read from environment variables that
/// <c>coyote.runsettings</c> sets (and a shell may override), in a harness process from the runner's request.
/// </summary>
/// <param name="Iterations">GOSYNC_ITERATIONS: iterations per harness at most.</param>
/// <param name="Strategy">GOSYNC_STRATEGY: one of <see cref="Strategies.All"/>.</param>
/// <param name="Seed">GOSYNC_SEED: the random seed, or null for a fresh one each run.</param>
/// <param name="MaxSteps">GOSYNC_MAX_STEPS: scheduling steps per iteration before it is cut off.</param>
/// <param name="TimeoutSeconds">Wall-clock seconds at most, or null for no limit but the iterations.</param>
/// <param name="StrategyBound">Prioritization's bound on priority changes per iteration (its preemptions), or null for Coyote's default (10).</param>
public sealed record SystematicSettings(uint Iterations, string Strategy, uint? Seed, uint MaxSteps, int? TimeoutSeconds = null, uint? StrategyBound = null)
{
    /// <summary>What a run without any variables set uses.</summary>
    public static readonly SystematicSettings Default = new(100, Strategies.Default, null, 2000);

    /// <summary>Coyote's own bound on scheduling steps per iteration, for an exploration that names none.</summary>
    private const uint CoyoteMaxSteps = 10_000;

    /// <summary>The settings of a runner's exploration.</summary>
    public static SystematicSettings From(Exploration exploration) => new(
        (uint)exploration.Iterations, exploration.Strategy, exploration.Seed, (uint?)exploration.MaxSteps ?? CoyoteMaxSteps,
        exploration.TimeoutSeconds, exploration.StrategyBound);

    /// <summary>The settings given by the environment, with <see cref="Default"/> for what is unset.</summary>
    public static SystematicSettings FromEnvironment() => new(
        Read("GOSYNC_ITERATIONS", Default.Iterations),
        Environment.GetEnvironmentVariable("GOSYNC_STRATEGY") is { Length: > 0 } s ? s : Default.Strategy,
        Environment.GetEnvironmentVariable("GOSYNC_SEED") is { Length: > 0 } seed ? Parse("GOSYNC_SEED", seed) : null,
        Read("GOSYNC_MAX_STEPS", Default.MaxSteps));

    /// <summary>The Coyote configuration for these settings, telemetry off.</summary>
    public Configuration ToConfiguration()
    {
        var configuration = Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithTestingIterations(Iterations)
            .WithMaxSchedulingSteps(MaxSteps)
            // An iteration that reaches the bound is a livelock (Termination), as in the runner's explorations.
            .WithFailureOnMaxStepsBoundEnabled();
        configuration = Strategy switch
        {
            Strategies.Default => configuration,
            "random" => configuration.WithRandomStrategy(),
            "probabilistic" => configuration.WithProbabilisticStrategy(),
            "prioritization" => StrategyBound is { } bound
                ? configuration.WithPrioritizationStrategy(isFair: false, priorityChangeBound: bound)
                : configuration.WithPrioritizationStrategy(),
            "delay-bounding" => configuration.WithDelayBoundingStrategy(),
            _ => throw new ArgumentException(
                $"GOSYNC_STRATEGY '{Strategy}' is not one of {string.Join(", ", Strategies.All)}."),
        };
        return Seed is { } seed ? configuration.WithRandomGeneratorSeed(seed) : configuration;
    }

    private static uint Read(string variable, uint fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? Parse(variable, text) : fallback;

    private static uint Parse(string variable, string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{variable} must be a non-negative integer, not '{text}'.");
}
