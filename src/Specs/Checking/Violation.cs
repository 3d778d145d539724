namespace GoSync.Specs;

/// <summary>
/// Why a history is not linearisable: the smallest key partition that fails, the longest linearisable prefix of it
/// that the search found, and the step that could not be placed after that prefix.
/// </summary>
public sealed class Violation
{
    internal Violation(
        object key,
        IReadOnlyList<Operation> operations,
        IReadOnlyList<PlacedStep> prefix,
        Operation unplaced,
        string unplacedStep,
        string reason)
    {
        Key = key;
        Operations = operations;
        LinearizedPrefix = prefix;
        Unplaced = unplaced;
        UnplacedStep = unplacedStep;
        Reason = reason;
    }

    /// <summary>The key whose sub-history fails.</summary>
    public object Key { get; }

    /// <summary>The operations of that sub-history (Range and Clear calls included), in call order.</summary>
    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>The longest sequence of steps the search could linearise, in order.</summary>
    public IReadOnlyList<PlacedStep> LinearizedPrefix { get; }

    /// <summary>The operation that could not be placed after the prefix.</summary>
    public Operation Unplaced { get; }

    /// <summary>The step of <see cref="Unplaced"/> that fails, for example <c>Range saw "x": 1</c>.</summary>
    public string UnplacedStep { get; }

    /// <summary>One sentence: what the model says where the step had to go.</summary>
    public string Reason { get; }
}
