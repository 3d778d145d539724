namespace GoSync.Specs;

/// <summary>
/// What each operation takes and returns, stated once. The operation's constructor, the recorder, the history file's
/// parser and writer and the history generator all read it, so that a field cannot be required in one of them and
/// dropped in another.
/// </summary>
internal static class OperationFacts
{
    /// <summary>Looks up an operation's row.</summary>
    /// <param name="kind">The operation.</param>
    /// <returns>Its facts.</returns>
    public static OpFacts Of(OpKind kind) => kind switch
    {
        //                                     key    arg    expected  ok     value  value when !ok
        OpKind.Load => new OpFacts(            true,  false, false,    true,  true,  false),
        OpKind.Store => new OpFacts(           true,  true,  false,    false, false, false),
        OpKind.LoadOrStore => new OpFacts(     true,  true,  false,    true,  true,  true), // !ok: the value stored
        OpKind.LoadAndDelete => new OpFacts(   true,  false, false,    true,  true,  false),
        OpKind.Delete => new OpFacts(          true,  false, false,    false, false, false),
        OpKind.Swap => new OpFacts(            true,  true,  false,    true,  true,  false),
        OpKind.CompareAndSwap => new OpFacts(  true,  true,  true,     true,  false, false),
        OpKind.CompareAndDelete => new OpFacts(true,  false, true,     true,  false, false),
        OpKind.Range => new OpFacts(           false, false, false,    false, false, false), // results: visited, stopped
        OpKind.Clear => new OpFacts(           false, false, false,    false, false, false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an operation"),
    };
}

/// <summary>One row of <see cref="OperationFacts"/>.</summary>
/// <param name="TakesKey">It names a key (all but Range and Clear).</param>
/// <param name="TakesArg">It passes a value: Store's, LoadOrStore's, Swap's, CompareAndSwap's new value.</param>
/// <param name="TakesExpected">It compares with a value: CompareAndSwap, CompareAndDelete.</param>
/// <param name="ReturnsOk">It returns a boolean: ok, loaded, swapped or deleted.</param>
/// <param name="ReturnsValue">It returns a value: Load's, LoadOrStore's actual, LoadAndDelete's, Swap's previous.</param>
/// <param name="ValueWhenNotOk">The value means something even when ok is false: LoadOrStore's stored value.</param>
internal readonly record struct OpFacts(
    bool TakesKey, bool TakesArg, bool TakesExpected, bool ReturnsOk, bool ReturnsValue, bool ValueWhenNotOk);
