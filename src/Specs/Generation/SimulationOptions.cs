namespace GoSync.Specs.Generation;

/// <summary>The shape of a simulated history.</summary>
/// <param name="Processes">How many processes make calls at the same time; ids start at 1.</param>
/// <param name="Operations">How many calls in all.</param>
/// <param name="Keys">How many distinct keys (<c>"k0"</c>, <c>"k1"</c>, …).</param>
/// <param name="Values">How many distinct values (1, 2, …); null is used too when <paramref name="NullValues"/>.</param>
/// <param name="RangeWeight">How often Range is chosen, against a total weight of 12 for the single-key operations.</param>
/// <param name="ClearWeight">How often Clear is chosen, on the same scale.</param>
/// <param name="PendingChance">
/// The chance that a call never returns, before or after its effect; its process stops and a process with a new id
/// takes its place, so the history keeps <paramref name="Operations"/> calls.
/// </param>
/// <param name="NullValues">Whether null is one of the values.</param>
public sealed record SimulationOptions(
    int Processes = 4,
    int Operations = 20,
    int Keys = 2,
    int Values = 3,
    double RangeWeight = 0.5,
    double ClearWeight = 0.25,
    double PendingChance = 0.05,
    bool NullValues = true);
