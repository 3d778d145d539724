namespace GoSync.Specs;

/// <summary>A concurrent execution: the operations made, each with its interval and results.</summary>
public sealed class History
{
    private IReadOnlyList<object>? _keys;

    /// <summary>Wraps a list of operations, in any order.</summary>
    /// <param name="operations">The operations.</param>
    public History(IEnumerable<Operation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        Operations = [.. operations];
    }

    /// <summary>The operations, in the order recorded or read.</summary>
    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>
    /// Every key the history mentions, as an operation's key or in a pair a Range visited, in order of first mention.
    /// A key it never mentions is absent throughout, so Range and Clear say nothing about it.
    /// </summary>
    public IReadOnlyList<object> Keys => _keys ??= CollectKeys();

    private List<object> CollectKeys()
    {
        var seen = new HashSet<object>();
        var keys = new List<object>();
        foreach (var op in Operations)
        {
            if (op.Key is { } key && seen.Add(key))
            {
                keys.Add(key);
            }

            foreach (var pair in op.Visited)
            {
                if (seen.Add(pair.Key))
                {
                    keys.Add(pair.Key);
                }
            }
        }

        return keys;
    }
}
