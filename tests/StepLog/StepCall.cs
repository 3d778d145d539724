using GoSync.Specs;

namespace GoSync.StepLog;

/// <summary>A call as the model's <c>Begin</c> sees it: the operation, its key, <c>val</c> (the value passed) and <c>old</c> (the compared value).</summary>
public sealed record StepCall(OpKind Kind, object? Key, object? Val, object? Old)
{
    /// <summary>For example <c>LoadOrStore(1, 2)</c>.</summary>
    public override string ToString()
    {
        var facts = OperationFacts.Of(Kind);
        var args = new List<string>();
        if (Key is not null || facts.TakesKey)
        {
            args.Add(Scalar.Format(Key));
        }

        if (Kind is OpKind.CompareAndSwap or OpKind.CompareAndDelete)
        {
            args.Add(Scalar.Format(Old));
        }

        if (Kind is OpKind.Store or OpKind.Swap or OpKind.LoadOrStore or OpKind.CompareAndSwap)
        {
            args.Add(Scalar.Format(Val));
        }

        return $"{Kind}({string.Join(", ", args)})";
    }
}

/// <summary>What a call returned, in the fields <c>history.jsonl</c> uses.</summary>
/// <param name="Kind">The operation.</param>
/// <param name="Ok">Load's ok, LoadOrStore's/LoadAndDelete's/Swap's loaded, CompareAndSwap's swapped, CompareAndDelete's deleted.</param>
/// <param name="Value">The value returned by Load, LoadOrStore, LoadAndDelete and Swap.</param>
/// <param name="Visited">The pairs a Range visited.</param>
/// <param name="Stopped">Whether Range's callback returned false.</param>
public sealed record StepResult(OpKind Kind, bool Ok, object? Value, IReadOnlyList<KeyValuePair<object, object?>>? Visited = null, bool Stopped = false)
{
    /// <summary>For example <c>→ (true, 1)</c>, <c>→ true</c>, <c>→ visited 1:1 2:2</c>, or empty for Store.</summary>
    public override string ToString()
    {
        var facts = OperationFacts.Of(Kind);
        if (Kind == OpKind.Range)
        {
            var pairs = string.Join(" ", (Visited ?? []).Select(p => $"{Scalar.Format(p.Key)}:{Scalar.Format(p.Value)}"));
            return $"→ visited {(pairs.Length == 0 ? "none" : pairs)}{(Stopped ? ", stopped" : "")}";
        }

        return (facts.ReturnsOk, facts.ReturnsValue) switch
        {
            (true, true) when Kind == OpKind.LoadOrStore => $"→ {Scalar.Format(Value)} ({(Ok ? "loaded" : "stored")})",
            (true, true) => Ok ? $"→ {Scalar.Format(Value)}" : "→ absent",
            (true, false) => $"→ {(Ok ? "true" : "false")}",
            (false, true) => $"→ {Scalar.Format(Value)}",
            _ => "→ ok",
        };
    }
}
