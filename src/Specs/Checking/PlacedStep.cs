namespace GoSync.Specs;

/// <summary>One step of the longest linearisable prefix the search found for a failing key.</summary>
/// <param name="Operation">The operation the step belongs to (for a Range or Clear, the whole call).</param>
/// <param name="Description">What the step does to the key, for example <c>Range saw "x": 1</c>.</param>
/// <param name="StateAfter">The key's value after the step, or <c>absent</c>.</param>
public sealed record PlacedStep(Operation Operation, string Description, string StateAfter);
