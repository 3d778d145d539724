using GoSync.Specs;
using GoSync.StepLog;
using GoSync.Tests.Map;

namespace GoSync.Tests.StepLogging;

/// <summary>A unit test's driver of the step log: a map whose calls, made through here, are opened and closed on a recorder.</summary>
internal sealed class StepLoggedMap(string test)
{
    public SyncMap<int, int?> Map { get; } = new(null, null, TestPlacement.Fixed);

    public StepRecorder Recorder { get; } = new(test, 1);

    public GoSync.StepLog.StepLog Log => Recorder.ToLog();

    public void Store(int thread, int key, int? value) =>
        Run(thread, new StepCall(OpKind.Store, key, value, null), () => Map.Store(key, value), () => new StepResult(OpKind.Store, false, null));

    public void Delete(int thread, int key) =>
        Run(thread, new StepCall(OpKind.Delete, key, null, null), () => Map.Delete(key), () => new StepResult(OpKind.Delete, false, null));

    public int? LoadOrStore(int thread, int key, int? value)
    {
        int? actual = null;
        var loaded = false;
        Run(thread, new StepCall(OpKind.LoadOrStore, key, value, null), () => actual = Map.LoadOrStore(key, value, out loaded),
            () => new StepResult(OpKind.LoadOrStore, loaded, actual));
        return actual;
    }

    public int? Load(int thread, int key)
    {
        int? value = null;
        var ok = false;
        Run(thread, new StepCall(OpKind.Load, key, null, null), () => ok = Map.TryLoad(key, out value), () => new StepResult(OpKind.Load, ok, value));
        return value;
    }

    public void Range(int thread)
    {
        var visited = new List<KeyValuePair<object, object?>>();
        Run(thread, new StepCall(OpKind.Range, null, null, null), () => Map.Range((k, v) =>
        {
            visited.Add(new(k, v));
            return true;
        }), () => new StepResult(OpKind.Range, false, null, visited));
    }

    private void Run(int thread, StepCall call, Action body, Func<StepResult> result)
    {
        Recorder.Call(thread, call);
        body();
        Recorder.Return(result());
    }
}
