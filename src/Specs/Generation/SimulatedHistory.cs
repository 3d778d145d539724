namespace GoSync.Specs.Generation;

/// <summary>
/// Histories that are linearisable by construction: processes take turns at random; each call is invoked, takes effect
/// on the sequential model at one moment (its linearisation point) and returns, each step at a fresh timestamp, so the
/// recorded intervals overlap as a real run's would. A Range takes a key at a time, one step each, the way Go's Range
/// is allowed to. Used by the property tests and the benchmark.
/// </summary>
public static class SimulatedHistory
{
    private static readonly (OpKind Kind, double Weight)[] SingleKey =
    [
        (OpKind.Load, 3), (OpKind.Store, 2), (OpKind.LoadOrStore, 1), (OpKind.LoadAndDelete, 1), (OpKind.Delete, 1),
        (OpKind.Swap, 1), (OpKind.CompareAndSwap, 2), (OpKind.CompareAndDelete, 1),
    ];

    /// <summary>Simulates a history.</summary>
    /// <param name="options">Its shape.</param>
    /// <param name="seed">The random seed: the same seed gives the same history.</param>
    /// <returns>A linearisable history.</returns>
    public static History Generate(SimulationOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sim = new Simulation(options, new Random(seed));
        return sim.Run();
    }

    private sealed class Simulation(SimulationOptions o, Random rng)
    {
        private readonly List<Operation> _done = [];
        private readonly Call?[] _calls = new Call?[o.Processes];
        private readonly int[] _ids = [.. Enumerable.Range(1, o.Processes)];
        private int _nextId = o.Processes + 1;
        private MapState _state = MapState.Empty;
        private long _clock;
        private int _toIssue = o.Operations;

        public History Run()
        {
            var live = Enumerable.Range(0, o.Processes).ToList();
            while (live.Count > 0)
            {
                var p = live[rng.Next(live.Count)];
                if (!Advance(p))
                {
                    live.Remove(p);
                }
            }

            return new History(_done.OrderBy(op => op.Call));
        }

        // One step of the process in slot p; false when it has nothing left to do.
        private bool Advance(int p)
        {
            var call = _calls[p];
            if (call is null)
            {
                if (_toIssue == 0)
                {
                    return false;
                }

                _toIssue--;
                _calls[p] = Invoke(_ids[p]);
                return true;
            }

            if (call.WillHang && (call.Effected || rng.Next(2) == 0))
            {
                // The call never returns, before or after its effect; a fresh process takes over the slot.
                _done.Add(call.Finish(null));
                _calls[p] = null;
                _ids[p] = _nextId++;
                return true;
            }

            if (!call.Effected)
            {
                TakeEffect(call);
                return true;
            }

            _done.Add(call.Finish(++_clock));
            _calls[p] = null;
            return true;
        }

        private Call Invoke(int p)
        {
            var kind = Choose();
            var facts = OperationFacts.Of(kind);
            var key = facts.TakesKey ? $"k{rng.Next(o.Keys)}" : null;
            var arg = facts.TakesArg ? Value() : null;
            var expected = facts.TakesExpected ? Value() : null;
            var call = new Call(p, kind, key, arg, expected, ++_clock) { WillHang = rng.NextDouble() < o.PendingChance };
            if (kind == OpKind.Range)
            {
                call.RangeOrder = [.. Enumerable.Range(0, o.Keys).Select(i => (object)$"k{i}").OrderBy(_ => rng.Next())];
            }

            return call;
        }

        private void TakeEffect(Call call)
        {
            if (call.Kind != OpKind.Range)
            {
                var (result, next) = SequentialSpec.Apply(_state, call.Kind, call.Key, call.Arg, call.Expected);
                _state = next;
                call.Result = result;
                call.Effected = true;
                return;
            }

            // A Range looks at one key per step, so other calls can change the map between two of its looks.
            if (call.RangeOrder!.Count == 0)
            {
                call.Effected = true;
                return;
            }

            var key = call.RangeOrder[call.RangeNext++];
            if (_state.TryGetValue(key, out var value))
            {
                call.Visited.Add(new KeyValuePair<object, object?>(key, value));
                call.Stopped = rng.NextDouble() < 0.15;
            }

            call.Effected = call.Stopped || call.RangeNext == call.RangeOrder.Count;
        }

        private OpKind Choose()
        {
            var total = SingleKey.Sum(w => w.Weight) + o.RangeWeight + o.ClearWeight;
            var x = rng.NextDouble() * total;
            foreach (var (kind, weight) in SingleKey)
            {
                if ((x -= weight) < 0)
                {
                    return kind;
                }
            }

            return x - o.RangeWeight < 0 ? OpKind.Range : OpKind.Clear;
        }

        private object? Value()
        {
            var n = rng.Next(o.Values + (o.NullValues ? 1 : 0));
            return n == o.Values ? null : (object)(long)(n + 1);
        }
    }

    private sealed class Call(int process, OpKind kind, object? key, object? arg, object? expected, long call)
    {
        public OpKind Kind { get; } = kind;

        public object? Key { get; } = key;

        public object? Arg { get; } = arg;

        public object? Expected { get; } = expected;

        public bool Effected { get; set; }

        public bool WillHang { get; init; }

        public OpResult? Result { get; set; }

        public List<object>? RangeOrder { get; set; }

        public int RangeNext { get; set; }

        public List<KeyValuePair<object, object?>> Visited { get; } = [];

        public bool Stopped { get; set; }

        public Operation Finish(long? ret) =>
            new(process, Kind, Key, Arg, Expected, call, ret, Result?.Ok ?? false, Result?.Value, Visited, Stopped);
    }
}
