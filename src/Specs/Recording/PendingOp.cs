namespace GoSync.Specs;

/// <summary>
/// A call that <see cref="HistoryRecorder.Invoke"/> registered and that has not been returned yet: hand it back to
/// <see cref="HistoryRecorder.Return"/> or <see cref="HistoryRecorder.ReturnRange"/> once the map's method returns.
/// </summary>
public sealed class PendingOp
{
    private long _call;

    internal PendingOp(int process, OpKind kind, object? key, object? arg, object? expected)
    {
        Process = process;
        Kind = kind;
        Key = key;
        Arg = arg;
        Expected = expected;
    }

    /// <summary>The process that made the call.</summary>
    public int Process { get; }

    /// <summary>The operation.</summary>
    public OpKind Kind { get; }

    /// <summary>The normalised key, or null for Range and Clear.</summary>
    public object? Key { get; }

    internal object? Arg { get; }

    internal object? Expected { get; }

    /// <summary>The call timestamp; 0 until it is taken.</summary>
    internal long Call
    {
        get => Volatile.Read(ref _call);
        set => Volatile.Write(ref _call, value);
    }

    // The fields below are written and read under the recorder's lock.
    internal long? Return { get; set; }

    internal bool Ok { get; set; }

    internal object? Value { get; set; }

    internal IReadOnlyList<KeyValuePair<object, object?>>? Visited { get; set; }

    internal bool Stopped { get; set; }

    internal Operation ToOperation() =>
        new(Process, Kind, Key, Arg, Expected, Call, Return, Ok, Value, Visited, Stopped);
}
