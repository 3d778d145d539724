using GoSync.Specs;
using Microsoft.Coyote.Specifications;

namespace GoSync.Systematic.Infrastructure;

/// <summary>
/// The map as every harness drives it: each call is recorded into the iteration's history (call and return
/// timestamps around the call itself) and is followed by the design's invariant check.
/// </summary>
public sealed class CheckedMap(HistoryRecorder recorder)
{
    /// <summary>
    /// The placement secret of every harness's map: fixed, so that an iteration's table layouts and Range orders, and so
    /// its schedule, replay exactly. Failure reports name it.
    /// </summary>
    internal static readonly Placement Placement = new(0x9E3779B97F4A7C15);

    /// <summary>The map under test. Keys are small integers; values may be null.</summary>
    internal SyncMap<int, int?> Map { get; } = new(null, null, Placement);

    /// <summary>
    /// Whether every call is followed by the invariant check. The single-threaded epilogue turns it off and checks once
    /// at its end: there, nothing interleaves, and each check costs dozens of Coyote scheduling points.
    /// </summary>
    public bool CheckAfterEachCall { get; set; } = true;

    public int? Load(int process, int key)
    {
        var op = recorder.Invoke(process, OpKind.Load, key);
        var ok = Map.TryLoad(key, out var value);
        recorder.Return(op, ok, value);
        AfterCall();
        return ok ? value : null;
    }

    public void Store(int process, int key, int? value)
    {
        var op = recorder.Invoke(process, OpKind.Store, key, value);
        Map.Store(key, value);
        recorder.Return(op);
        AfterCall();
    }

    public int? LoadOrStore(int process, int key, int? value)
    {
        var op = recorder.Invoke(process, OpKind.LoadOrStore, key, value);
        var actual = Map.LoadOrStore(key, value, out var loaded);
        recorder.Return(op, loaded, actual);
        AfterCall();
        return actual;
    }

    public int? LoadAndDelete(int process, int key)
    {
        var op = recorder.Invoke(process, OpKind.LoadAndDelete, key);
        var loaded = Map.TryLoadAndDelete(key, out var value);
        recorder.Return(op, loaded, value);
        AfterCall();
        return value;
    }

    public void Delete(int process, int key)
    {
        var op = recorder.Invoke(process, OpKind.Delete, key);
        Map.Delete(key);
        recorder.Return(op);
        AfterCall();
    }

    public int? Swap(int process, int key, int? value)
    {
        var op = recorder.Invoke(process, OpKind.Swap, key, value);
        var loaded = Map.Swap(key, value, out var previous);
        recorder.Return(op, loaded, previous);
        AfterCall();
        return previous;
    }

    public bool CompareAndSwap(int process, int key, int? expected, int? value)
    {
        var op = recorder.Invoke(process, OpKind.CompareAndSwap, key, value, expected);
        var swapped = Map.CompareAndSwap(key, expected, value);
        recorder.Return(op, swapped);
        AfterCall();
        return swapped;
    }

    public bool CompareAndDelete(int process, int key, int? expected)
    {
        var op = recorder.Invoke(process, OpKind.CompareAndDelete, key, expected: expected);
        var deleted = Map.CompareAndDelete(key, expected);
        recorder.Return(op, deleted);
        AfterCall();
        return deleted;
    }

    /// <summary>
    /// Go's Range, visiting at most <paramref name="limit"/> keys. <paramref name="onVisit"/> runs inside the callback,
    /// so a harness can mutate the map while it is being ranged over. Returns how many keys were visited.
    /// </summary>
    public int Range(int process, int limit = int.MaxValue, Action<int, int?>? onVisit = null)
    {
        var op = recorder.Invoke(process, OpKind.Range);
        var visited = new List<KeyValuePair<object, object?>>();
        var stopped = false;
        Map.Range((key, value) =>
        {
            visited.Add(new(key, value));
            onVisit?.Invoke(key, value);
            stopped = visited.Count >= limit;
            return !stopped;
        });
        recorder.ReturnRange(op, visited, stopped);
        AfterCall();
        return visited.Count;
    }

    public void Clear(int process)
    {
        var op = recorder.Invoke(process, OpKind.Clear);
        Map.Clear();
        recorder.Return(op);
        AfterCall();
    }

    private void AfterCall()
    {
        if (CheckAfterEachCall)
        {
            CheckInvariants();
        }
    }

    /// <summary>Fails the iteration, naming every broken invariant, when the map's structure is wrong.</summary>
    public void CheckInvariants()
    {
        var violations = Map.FindInvariantViolations();
        Specification.Assert(violations.Count == 0, "SyncMap invariant violated: {0}", string.Join("; ", violations));
    }
}
