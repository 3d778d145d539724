namespace GoSync.Specs;

/// <summary>How operations read in explanations: Go's call syntax and the results, with JSON scalars.</summary>
internal static class OpText
{
    /// <summary>The marker for a call that never returned.</summary>
    public const string Pending = "(never returned)";

    public static string Describe(Operation op)
    {
        var k = op.Key is null ? string.Empty : Scalar.Format(op.Key);
        var call = op.Kind switch
        {
            OpKind.Store or OpKind.LoadOrStore or OpKind.Swap => $"{op.Kind}({k}, {Scalar.Format(op.Arg)})",
            OpKind.CompareAndSwap => $"CompareAndSwap({k}, {Scalar.Format(op.Expected)} → {Scalar.Format(op.Arg)})",
            OpKind.CompareAndDelete => $"CompareAndDelete({k}, {Scalar.Format(op.Expected)})",
            OpKind.Range => "Range",
            OpKind.Clear => "Clear()",
            _ => $"{op.Kind}({k})",
        };
        if (op.IsPending)
        {
            return $"{call} {Pending}";
        }

        var result = Result(op);
        return result.Length == 0 ? call : $"{call} → {result}";
    }

    public static string Interval(Operation op) =>
        op.Return is { } r ? $"[{op.Call}, {r}]" : $"[{op.Call}, …)";

    /// <summary>The results of a returned operation as Go would print them; empty for Store, Delete and Clear.</summary>
    public static string Result(Operation op) => op.Kind switch
    {
        OpKind.Load or OpKind.LoadAndDelete or OpKind.Swap => op.Ok ? Scalar.Format(op.Value) : "absent",
        OpKind.LoadOrStore => (op.Ok ? "loaded " : "stored ") + Scalar.Format(op.Value),
        OpKind.CompareAndSwap or OpKind.CompareAndDelete => op.Ok ? "true" : "false",
        OpKind.Range => "{" + string.Join(", ", op.Visited.Select(p => $"{Scalar.Format(p.Key)}: {Scalar.Format(p.Value)}")) + "}"
            + (op.Stopped ? " stopped" : string.Empty),
        _ => string.Empty,
    };
}
