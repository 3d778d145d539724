using GoSync.Specs;

namespace GoSync.Tests.Specs;

/// <summary>A terse way to write histories by hand: each helper is one operation with its interval and results.</summary>
internal static class Ops
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public static History H(params Operation[] ops) => new(ops);

    public static CheckResult Check(params Operation[] ops) => LinearizabilityChecker.Check(H(ops), Budget);

    public static Verdict VerdictOf(params Operation[] ops) => Check(ops).Verdict;

    public static Operation Load(int p, object key, long call, long? ret, bool ok = false, object? value = null) =>
        new(p, OpKind.Load, key, null, null, call, ret, ok, value);

    public static Operation Store(int p, object key, object? arg, long call, long? ret) =>
        new(p, OpKind.Store, key, arg, null, call, ret);

    public static Operation LoadOrStore(int p, object key, object? arg, long call, long? ret, bool loaded, object? actual) =>
        new(p, OpKind.LoadOrStore, key, arg, null, call, ret, loaded, actual);

    public static Operation LoadAndDelete(int p, object key, long call, long? ret, bool loaded = false, object? value = null) =>
        new(p, OpKind.LoadAndDelete, key, null, null, call, ret, loaded, value);

    public static Operation Delete(int p, object key, long call, long? ret) =>
        new(p, OpKind.Delete, key, null, null, call, ret);

    public static Operation Swap(int p, object key, object? arg, long call, long? ret, bool loaded = false, object? previous = null) =>
        new(p, OpKind.Swap, key, arg, null, call, ret, loaded, previous);

    public static Operation Cas(int p, object key, object? expected, object? arg, long call, long? ret, bool swapped) =>
        new(p, OpKind.CompareAndSwap, key, arg, expected, call, ret, swapped);

    public static Operation Cad(int p, object key, object? expected, long call, long? ret, bool deleted) =>
        new(p, OpKind.CompareAndDelete, key, null, expected, call, ret, deleted);

    public static Operation Range(int p, long call, long? ret, bool stopped, params (object Key, object? Value)[] visited) =>
        new(p, OpKind.Range, null, null, null, call, ret, visited: [.. visited.Select(v => new KeyValuePair<object, object?>(v.Key, v.Value))], stopped: stopped);

    public static Operation Clear(int p, long call, long? ret) => new(p, OpKind.Clear, null, null, null, call, ret);
}
