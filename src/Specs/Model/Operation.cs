namespace GoSync.Specs;

/// <summary>
/// One call of a map operation in a history: who made it, what it asked, when it was called and returned, and what it
/// answered. Keys and values are normalised JSON scalars (see <see cref="Scalar"/>).
/// </summary>
public sealed class Operation
{
    /// <summary>Validates and normalises one recorded operation.</summary>
    /// <param name="process">The process (thread) that made the call.</param>
    /// <param name="kind">The operation.</param>
    /// <param name="key">The key; required (not null) for every operation but <see cref="OpKind.Range"/> and <see cref="OpKind.Clear"/>, which take none.</param>
    /// <param name="arg">The value passed to Store, LoadOrStore, Swap, and the new value of CompareAndSwap.</param>
    /// <param name="expected">The compared value of CompareAndSwap and CompareAndDelete.</param>
    /// <param name="call">The timestamp taken just before the call.</param>
    /// <param name="return">The timestamp taken just after the return; null when the call never returned.</param>
    /// <param name="ok">Load's ok; LoadOrStore's, LoadAndDelete's and Swap's loaded; CompareAndSwap's swapped; CompareAndDelete's deleted.</param>
    /// <param name="value">The value returned by Load, LoadOrStore (the actual value), LoadAndDelete and Swap (the previous value).</param>
    /// <param name="visited">The pairs a Range visited, in order.</param>
    /// <param name="stopped">Whether Range's callback returned false (on the last pair visited).</param>
    /// <param name="line">The line of the history file it came from; 0 when it was recorded.</param>
    /// <exception cref="ArgumentException">The operation is inconsistent: a key where none belongs or none where one is needed, a return before the call, an unsupported scalar.</exception>
    public Operation(
        int process,
        OpKind kind,
        object? key,
        object? arg,
        object? expected,
        long call,
        long? @return,
        bool ok = false,
        object? value = null,
        IReadOnlyList<KeyValuePair<object, object?>>? visited = null,
        bool stopped = false,
        int line = 0)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an operation");
        }

        if (HasKey(kind) && key is null)
        {
            throw new ArgumentException($"{kind} needs a key", nameof(key));
        }

        if (!HasKey(kind) && key is not null)
        {
            throw new ArgumentException($"{kind} takes no key", nameof(key));
        }

        if (@return < call)
        {
            throw new ArgumentException($"returned at {@return}, before its call at {call}", nameof(@return));
        }

        if (kind == OpKind.Range && @return is not null && stopped && (visited is null || visited.Count == 0))
        {
            throw new ArgumentException("a Range stops only when its callback returns false, so it visited a pair", nameof(stopped));
        }

        Process = process;
        Kind = kind;
        Key = Scalar.Normalize(key);
        Arg = Scalar.Normalize(arg);
        Expected = Scalar.Normalize(expected);
        Call = call;
        Return = @return;
        Ok = ok;
        Value = Scalar.Normalize(value);
        // A Range that never returned promised nothing: what its callback saw so far is dropped with its results.
        var returnedRange = kind == OpKind.Range && @return is not null;
        Visited = visited is null || !returnedRange ? [] : Normalize(visited);
        Stopped = returnedRange && stopped;
        Line = line;
    }

    /// <summary>The process (thread) that made the call.</summary>
    public int Process { get; }

    /// <summary>The operation.</summary>
    public OpKind Kind { get; }

    /// <summary>The key; null for Range and Clear.</summary>
    public object? Key { get; }

    /// <summary>The value passed: Store's, LoadOrStore's, Swap's, and CompareAndSwap's new value; else null.</summary>
    public object? Arg { get; }

    /// <summary>The compared value of CompareAndSwap and CompareAndDelete; else null.</summary>
    public object? Expected { get; }

    /// <summary>The timestamp taken just before the call.</summary>
    public long Call { get; }

    /// <summary>The timestamp taken just after the return; null when the call never returned.</summary>
    public long? Return { get; }

    /// <summary>Whether the call never returned: it may or may not have taken effect, and its results mean nothing.</summary>
    public bool IsPending => Return is null;

    /// <summary>The boolean result (see <see cref="Operation(int, OpKind, object?, object?, object?, long, long?, bool, object?, IReadOnlyList{KeyValuePair{object, object?}}?, bool, int)"/>).</summary>
    public bool Ok { get; }

    /// <summary>The value returned, or null.</summary>
    public object? Value { get; }

    /// <summary>The pairs a returned Range visited, in order; empty for other operations and pending Ranges.</summary>
    public IReadOnlyList<KeyValuePair<object, object?>> Visited { get; }

    /// <summary>Whether a returned Range's callback returned false.</summary>
    public bool Stopped { get; }

    /// <summary>The line of the history file the operation came from; 0 when it was recorded.</summary>
    public int Line { get; }

    /// <summary>Whether operations of <paramref name="kind"/> name a key.</summary>
    /// <param name="kind">An operation.</param>
    /// <returns>False for Range and Clear only.</returns>
    public static bool HasKey(OpKind kind) => OperationFacts.Of(kind).TakesKey;

    /// <summary>For example <c>P1 CompareAndSwap("x", 2 → 3) → true [10, 14]</c>.</summary>
    /// <returns>The process, the call with its results and the interval.</returns>
    public override string ToString() => $"P{Process} {OpText.Describe(this)} {OpText.Interval(this)}";

    private static KeyValuePair<object, object?>[] Normalize(IReadOnlyList<KeyValuePair<object, object?>> visited)
    {
        var pairs = new KeyValuePair<object, object?>[visited.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            var key = Scalar.Normalize(visited[i].Key)
                ?? throw new ArgumentException($"visited pair {i} has a null key", nameof(visited));
            pairs[i] = new KeyValuePair<object, object?>(key, Scalar.Normalize(visited[i].Value));
        }

        return pairs;
    }
}
