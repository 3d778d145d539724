namespace GoSync.Tooling;

/// <summary>How a harness is explored: the strategy and the budget.</summary>
/// <param name="Strategy">One of <see cref="Strategies.All"/>.</param>
/// <param name="Iterations">Iterations at most.</param>
/// <param name="MaxSteps">Scheduling steps per iteration at most, or null for Coyote's default (10,000).</param>
/// <param name="Seed">The seed, or null for a fresh one.</param>
/// <param name="TimeoutSeconds">Wall-clock limit in seconds, or null for none.</param>
/// <param name="StrategyBound">For prioritization: how many priority changes (preemptions) an iteration may make, or null for Coyote's default (10).</param>
public sealed record Exploration(string Strategy, int Iterations, int? MaxSteps = null, uint? Seed = null, int? TimeoutSeconds = null, uint? StrategyBound = null);
