using GoSync.Specs;

namespace GoSync.Tests.Specs;

public class HistoryRecorderTests
{
    [Fact]
    public void Records_calls_results_and_ordered_timestamps()
    {
        var recorder = new HistoryRecorder();
        var store = recorder.Invoke(1, OpKind.Store, "x", arg: 1);
        recorder.Return(store);
        var cas = recorder.Invoke(2, OpKind.CompareAndSwap, "x", arg: 2, expected: 1);
        recorder.Return(cas, ok: true);

        var ops = recorder.ToHistory().Operations;

        ops.Select(op => op.ToString()).Should().Equal(
            "P1 Store(\"x\", 1) [1, 2]",
            "P2 CompareAndSwap(\"x\", 1 → 2) → true [3, 4]");
    }

    [Fact]
    public void Keys_and_values_are_normalised_to_JSON_scalars()
    {
        var recorder = new HistoryRecorder();
        var load = recorder.Invoke(1, OpKind.Load, 7);
        recorder.Return(load, ok: true, value: (short)3);

        var op = recorder.ToHistory().Operations.Single();
        op.Key.Should().Be(7L);
        op.Value.Should().Be(3L);
    }

    [Fact]
    public void Call_that_never_returned_stays_pending()
    {
        var recorder = new HistoryRecorder();
        recorder.Invoke(1, OpKind.Delete, "x");
        recorder.ToHistory().Operations.Single().IsPending.Should().BeTrue();
    }

    [Fact]
    public void Snapshot_does_not_change_when_recording_goes_on()
    {
        var recorder = new HistoryRecorder();
        var op = recorder.Invoke(1, OpKind.Delete, "x");
        var before = recorder.ToHistory();
        recorder.Return(op);
        before.Operations.Single().IsPending.Should().BeTrue();
        recorder.ToHistory().Operations.Single().IsPending.Should().BeFalse();
    }

    [Fact]
    public void Results_of_operations_without_results_are_dropped()
    {
        var recorder = new HistoryRecorder();
        var store = recorder.Invoke(1, OpKind.Store, "x", arg: 1);
        recorder.Return(store, ok: true, value: 9);
        var op = recorder.ToHistory().Operations.Single();
        op.Ok.Should().BeFalse();
        op.Value.Should().BeNull();
    }

    [Fact]
    public void Range_records_its_pairs()
    {
        var recorder = new HistoryRecorder();
        var range = recorder.Invoke(1, OpKind.Range);
        recorder.ReturnRange(range, [new("x", 1), new("y", null)], stopped: true);

        var op = recorder.ToHistory().Operations.Single();
        op.Visited.Should().HaveCount(2);
        op.Stopped.Should().BeTrue();
    }

    [Fact]
    public void Misuse_is_refused()
    {
        var recorder = new HistoryRecorder();
        FluentActions.Invoking(() => recorder.Invoke(1, OpKind.Load)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => recorder.Invoke(1, OpKind.Clear, "x")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => recorder.Invoke(1, OpKind.Store, "x", arg: true)).Should().Throw<ArgumentException>();
        var load = recorder.Invoke(1, OpKind.Load, "x");
        recorder.Return(load);
        FluentActions.Invoking(() => recorder.Return(load)).Should().Throw<InvalidOperationException>();
        var range = recorder.Invoke(1, OpKind.Range);
        FluentActions.Invoking(() => recorder.Return(range)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => recorder.ReturnRange(range, [], stopped: true)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Recording_a_real_SyncMap_from_threads_gives_a_linearizable_history()
    {
        var map = new SyncMap<string, long>();
        var recorder = new HistoryRecorder();
        var threads = Enumerable.Range(1, 4).Select(p => new Thread(() => Work(p, map, recorder))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var history = recorder.ToHistory();
        history.Operations.Should().HaveCount(4 * 300);
        history.Operations.SelectMany(op => new[] { op.Call, op.Return!.Value }).Should().OnlyHaveUniqueItems();
        LinearizabilityChecker.Check(history, Ops.Budget).Verdict.Should().Be(Verdict.Linearizable);
    }

    private static void Work(int p, SyncMap<string, long> map, HistoryRecorder recorder)
    {
        var rng = new Random(p);
        for (var i = 0; i < 300; i++)
        {
            var key = $"k{rng.Next(3)}";
            long value = rng.Next(4);
            switch (rng.Next(5))
            {
                case 0:
                    var s = recorder.Invoke(p, OpKind.Store, key, value);
                    map.Store(key, value);
                    recorder.Return(s);
                    break;
                case 1:
                    var l = recorder.Invoke(p, OpKind.Load, key);
                    var found = map.TryLoad(key, out var v);
                    recorder.Return(l, found, v);
                    break;
                case 2:
                    var c = recorder.Invoke(p, OpKind.CompareAndSwap, key, value, value - 1);
                    recorder.Return(c, map.CompareAndSwap(key, value - 1, value));
                    break;
                case 3:
                    var d = recorder.Invoke(p, OpKind.LoadAndDelete, key);
                    var had = map.TryLoadAndDelete(key, out var old);
                    recorder.Return(d, had, old);
                    break;
                default:
                    var r = recorder.Invoke(p, OpKind.Range);
                    var seen = new List<KeyValuePair<object, object?>>();
                    map.Range((k, val) =>
                    {
                        seen.Add(new(k, val));
                        return true;
                    });
                    recorder.ReturnRange(r, seen, stopped: false);
                    break;
            }
        }
    }
}
