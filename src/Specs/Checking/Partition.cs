namespace GoSync.Specs.Checking;

/// <summary>The sub-history of one key: everything that reads or writes it, checked alone (P-compositionality).</summary>
internal sealed class Partition(object key, List<KeyStep> steps, ValueTable values)
{
    public object Key { get; } = key;

    public List<KeyStep> Steps { get; } = steps;

    public ValueTable Values { get; } = values;

    /// <summary>The operations behind the steps, each once, in call order.</summary>
    public IReadOnlyList<Operation> Operations() =>
        [.. Steps.Select(s => s.Source).Distinct().OrderBy(op => op.Call)];
}
