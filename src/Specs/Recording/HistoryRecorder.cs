namespace GoSync.Specs;

/// <summary>
/// Records a concurrent execution for the checker. Thread-safe. Every timestamp comes from one shared counter: the call
/// timestamp is the last thing <see cref="Invoke"/> does and the return timestamp the first thing <see cref="Return"/>
/// does, so that each recorded interval contains the real one.
/// </summary>
/// <remarks>
/// Under Coyote's rewriting the lock and the counter become scheduling points. That can only widen the recorded
/// intervals, and a wider interval allows more linearisations: the checker stays sound, if a little less sharp.
/// </remarks>
public sealed class HistoryRecorder
{
    private readonly object _gate = new();
    private readonly List<PendingOp> _ops = [];
    private long _clock;

    /// <summary>Starts an empty recording.</summary>
    public HistoryRecorder()
    {
    }

    /// <summary>Registers a call and takes its call timestamp; call just before the map's method.</summary>
    /// <param name="process">The calling process (thread) id.</param>
    /// <param name="op">The operation.</param>
    /// <param name="key">The key: a string or integer; null for Range and Clear.</param>
    /// <param name="arg">The value passed to Store, LoadOrStore, Swap, or CompareAndSwap's new value.</param>
    /// <param name="expected">The compared value of CompareAndSwap and CompareAndDelete.</param>
    /// <returns>The call, to be handed to <see cref="Return"/> or <see cref="ReturnRange"/>.</returns>
    /// <exception cref="ArgumentException">A key is missing or unwanted, or a scalar has an unsupported type.</exception>
    public PendingOp Invoke(int process, OpKind op, object? key = null, object? arg = null, object? expected = null)
    {
        if (Operation.HasKey(op) ? key is null : key is not null)
        {
            throw new ArgumentException(Operation.HasKey(op) ? $"{op} needs a key" : $"{op} takes no key", nameof(key));
        }

        var pending = new PendingOp(process, op, Scalar.Normalize(key), Scalar.Normalize(arg), Scalar.Normalize(expected));
        lock (_gate)
        {
            _ops.Add(pending);
        }

        pending.Call = Interlocked.Increment(ref _clock);
        return pending;
    }

    /// <summary>Takes the return timestamp and records the results; call just after the map's method returned.</summary>
    /// <param name="op">The call, from <see cref="Invoke"/>.</param>
    /// <param name="ok">
    /// Load's ok; LoadOrStore's, LoadAndDelete's and Swap's loaded; CompareAndSwap's swapped; CompareAndDelete's
    /// deleted. Ignored for Store, Delete and Clear.
    /// </param>
    /// <param name="value">
    /// The value returned by Load, LoadOrStore (actual), LoadAndDelete and Swap (previous). Ignored for Store, Delete,
    /// Clear, CompareAndSwap and CompareAndDelete.
    /// </param>
    /// <exception cref="InvalidOperationException">The call returned already, or it is a Range.</exception>
    public void Return(PendingOp op, bool ok = false, object? value = null)
    {
        ArgumentNullException.ThrowIfNull(op);
        var now = Interlocked.Increment(ref _clock);
        if (op.Kind == OpKind.Range)
        {
            throw new InvalidOperationException("a Range returns through ReturnRange");
        }

        // What the operation does not return is dropped, so a caller's leftover ok or value never reaches the history.
        var facts = OperationFacts.Of(op.Kind);
        var normalized = facts.ReturnsValue ? Scalar.Normalize(value) : null;
        lock (_gate)
        {
            EnsureOpen(op);
            op.Return = now;
            op.Ok = facts.ReturnsOk && ok;
            op.Value = normalized;
        }
    }

    /// <summary>Takes the return timestamp of a Range and records what it visited.</summary>
    /// <param name="op">The Range call, from <see cref="Invoke"/>.</param>
    /// <param name="visited">The pairs the callback saw, in order.</param>
    /// <param name="stopped">Whether the callback returned false (on the last pair).</param>
    /// <exception cref="InvalidOperationException">The call returned already, or it is not a Range.</exception>
    /// <exception cref="ArgumentException">A pair holds an unsupported scalar, or it stopped without visiting a pair.</exception>
    public void ReturnRange(PendingOp op, IReadOnlyList<KeyValuePair<object, object?>> visited, bool stopped)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(visited);
        var now = Interlocked.Increment(ref _clock);
        if (op.Kind != OpKind.Range)
        {
            throw new InvalidOperationException($"{op.Kind} returns through Return, not ReturnRange");
        }

        if (stopped && visited.Count == 0)
        {
            throw new ArgumentException("a Range stops only when its callback returns false, so it visited a pair", nameof(stopped));
        }

        var pairs = visited
            .Select(p => new KeyValuePair<object, object?>(
                Scalar.Normalize(p.Key) ?? throw new ArgumentException("a visited key is null", nameof(visited)),
                Scalar.Normalize(p.Value)))
            .ToArray();
        lock (_gate)
        {
            EnsureOpen(op);
            op.Return = now;
            op.Visited = pairs;
            op.Stopped = stopped;
        }
    }

    /// <summary>
    /// Removes a call that threw instead of returning, for a map that promises that such a call had no effect (GoSync's
    /// map, when user code it calls throws): the checker then holds the map to that promise, since any effect the call
    /// had would be one no operation of the history explains.
    /// </summary>
    /// <param name="op">The call, from <see cref="Invoke"/>.</param>
    /// <exception cref="InvalidOperationException">The call returned already.</exception>
    public void Abandon(PendingOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        lock (_gate)
        {
            EnsureOpen(op);
            _ops.Remove(op);
        }
    }

    /// <summary>The operations recorded so far; those not returned yet are pending.</summary>
    /// <returns>A snapshot: later calls do not change it.</returns>
    public History ToHistory()
    {
        lock (_gate)
        {
            // A call registered by an Invoke that has not taken its timestamp yet has not started: leave it out.
            return new History(_ops.Where(op => op.Call != 0).Select(op => op.ToOperation()));
        }
    }

    private static void EnsureOpen(PendingOp op)
    {
        if (op.Return is not null)
        {
            throw new InvalidOperationException($"{op.Kind} by process {op.Process} returned already");
        }
    }
}
