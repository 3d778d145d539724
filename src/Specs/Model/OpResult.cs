namespace GoSync.Specs;

/// <summary>What an operation returns in the sequential model.</summary>
/// <param name="Ok">Load's ok; LoadOrStore's, LoadAndDelete's and Swap's loaded; CompareAndSwap's swapped; CompareAndDelete's deleted.</param>
/// <param name="Value">Load's value, LoadOrStore's actual, LoadAndDelete's and Swap's previous value; null otherwise or when absent.</param>
/// <param name="Visited">What a Range visits: every entry of the state, in no particular order; empty for other operations.</param>
public sealed record OpResult(bool Ok, object? Value, IReadOnlyList<KeyValuePair<object, object?>> Visited)
{
    /// <summary>The result of Store, Delete and Clear, which return nothing.</summary>
    public static OpResult None { get; } = new(false, null, []);
}
