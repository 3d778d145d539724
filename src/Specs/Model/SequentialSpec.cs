namespace GoSync.Specs;

/// <summary>
/// The sequential specification of Go's <c>sync.Map</c>: for a state and an operation, the result and the next state.
/// It is the meaning of "correct" for every operation but Range, which Go does not make atomic (see
/// <see cref="LinearizabilityChecker"/>); here Range is an atomic snapshot, the strongest answer it could give.
/// </summary>
public static class SequentialSpec
{
    /// <summary>Applies one operation to a state.</summary>
    /// <param name="state">The state before.</param>
    /// <param name="op">The operation.</param>
    /// <param name="key">The key; ignored by Range and Clear.</param>
    /// <param name="arg">Store's, LoadOrStore's, Swap's value, CompareAndSwap's new value.</param>
    /// <param name="expected">CompareAndSwap's and CompareAndDelete's compared value.</param>
    /// <returns>The result and the state after.</returns>
    public static (OpResult Result, MapState Next) Apply(
        MapState state, OpKind op, object? key = null, object? arg = null, object? expected = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (op == OpKind.Range)
        {
            return (new OpResult(false, null, [.. state.Entries]), state);
        }

        if (op == OpKind.Clear)
        {
            return (OpResult.None, MapState.Empty);
        }

        var k = Scalar.Normalize(key) ?? throw new ArgumentNullException(nameof(key), $"{op} needs a key");
        var present = state.TryGetValue(k, out var current);
        return op switch
        {
            OpKind.Load => (Found(present, current), state),
            OpKind.Store => (OpResult.None, state.With(k, arg)),
            OpKind.LoadOrStore => present
                ? (new OpResult(true, current, []), state)
                : (new OpResult(false, Scalar.Normalize(arg), []), state.With(k, arg)),
            OpKind.LoadAndDelete => (Found(present, current), state.Without(k)),
            OpKind.Delete => (OpResult.None, state.Without(k)),
            OpKind.Swap => (Found(present, current), state.With(k, arg)),
            OpKind.CompareAndSwap => present && Scalar.AreEqual(current, expected)
                ? (new OpResult(true, null, []), state.With(k, arg))
                : (new OpResult(false, null, []), state),
            OpKind.CompareAndDelete => present && Scalar.AreEqual(current, expected)
                ? (new OpResult(true, null, []), state.Without(k))
                : (new OpResult(false, null, []), state),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an operation"),
        };
    }

    /// <summary>Applies a recorded operation to a state; its recorded results are ignored.</summary>
    /// <param name="state">The state before.</param>
    /// <param name="op">The operation.</param>
    /// <returns>The result the model gives and the state after.</returns>
    public static (OpResult Result, MapState Next) Apply(MapState state, Operation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return Apply(state, op.Kind, op.Key, op.Arg, op.Expected);
    }

    /// <summary>
    /// Whether a returned operation's recorded results are the ones the model gives. When ok is false, Load, Swap and
    /// LoadAndDelete return Go's zero value, whatever the value type's zero is, so their value is not compared. A Range
    /// agrees when it visited each present key once with its value, and only present keys; when stopped, a non-empty
    /// subset of them.
    /// </summary>
    /// <param name="op">A returned operation.</param>
    /// <param name="model">The model's result for it.</param>
    /// <returns>True when they agree; always true for a pending operation.</returns>
    public static bool Agrees(Operation op, OpResult model)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(model);
        if (op.IsPending)
        {
            return true;
        }

        return op.Kind switch
        {
            OpKind.Load or OpKind.LoadAndDelete or OpKind.Swap =>
                op.Ok == model.Ok && (!op.Ok || Scalar.AreEqual(op.Value, model.Value)),
            OpKind.LoadOrStore => op.Ok == model.Ok && Scalar.AreEqual(op.Value, model.Value),
            OpKind.CompareAndSwap or OpKind.CompareAndDelete => op.Ok == model.Ok,
            OpKind.Range => RangeAgrees(op, model.Visited),
            _ => true,
        };
    }

    private static OpResult Found(bool present, object? value) => new(present, present ? value : null, []);

    private static bool RangeAgrees(Operation op, IReadOnlyList<KeyValuePair<object, object?>> entries)
    {
        var present = entries.ToDictionary(e => e.Key, e => e.Value);
        var seen = new HashSet<object>();
        foreach (var (key, value) in op.Visited)
        {
            if (!seen.Add(key) || !present.TryGetValue(key, out var v) || !Scalar.AreEqual(v, value))
            {
                return false;
            }
        }

        return op.Stopped ? seen.Count > 0 : seen.Count == present.Count;
    }
}
