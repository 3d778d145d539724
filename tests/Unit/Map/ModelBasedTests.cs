using CsCheck;

namespace GoSync.Tests.Map;

/// <summary>
/// Random sequences of all ten operations give the same results on <see cref="SyncMap{TKey, TValue}"/> as on a lock
/// around a dictionary, and the design's invariants hold after every step. Few keys and many loads of missing keys
/// force promotions; deletes followed by new keys force expunges; stores after those force unexpunges.
/// CsCheck shrinks a failing sequence to a short one.
/// </summary>
public class ModelBasedTests
{
    private enum Op { Load, Store, LoadOrStore, LoadAndDelete, Delete, Swap, CompareAndSwap, CompareAndDelete, Range, RangeStop, Clear }

    private sealed record Step(Op Op, int Key, int? Value, int? Expected)
    {
        public override string ToString() => $"{Op}({Key}, {Value?.ToString() ?? "null"}, {Expected?.ToString() ?? "null"})";
    }

    private static readonly Gen<int?> Values = Gen.OneOf<int?>(null, 0, 1, 2);

    // Writes outweigh Range and Clear, which promote or empty the map, so that expunged entries live long enough to be
    // written into (unexpunged).
    private static readonly Gen<Op> Ops = Gen.Frequency(
        (3, Gen.OneOf(Op.Store, Op.Swap, Op.LoadOrStore, Op.Delete, Op.LoadAndDelete)),
        (2, Gen.OneOf(Op.Load, Op.CompareAndSwap, Op.CompareAndDelete)),
        (1, Gen.OneOf(Op.Range, Op.RangeStop, Op.Clear)));

    private static readonly Gen<Step> Steps = Gen.Select(Ops, Gen.Int[0, 7], Values, Values, (op, key, value, expected) => new Step(op, key, value, expected));

    [Fact]
    public void SyncMap_agrees_with_a_locked_dictionary_on_random_sequences()
    {
        Steps.Array[0, 120].Sample(RunAgainstReference, iter: 3000);
    }

    [Fact]
    public void Random_sequences_reach_promotion_expunge_and_unexpunge()
    {
        // The generator is only useful if it drives the map through every structural transition.
        int promotions = 0, expunges = 0, unexpunges = 0;
        Steps.Array[0, 120].Sample(steps =>
        {
            var map = new SyncMap<int, int?>();
            var reference = new ReferenceMap();
            foreach (var step in steps)
            {
                var before = map.DescribeShape();
                Apply(map, reference, step);
                var after = map.DescribeShape();
                promotions += before.DirtyCount >= 0 && after.DirtyCount < 0 ? 1 : 0;
                expunges += after.ReadExpunged > before.ReadExpunged ? 1 : 0;
                unexpunges += after.ReadExpunged < before.ReadExpunged && after.DirtyCount >= 0 ? 1 : 0;
            }
        }, iter: 200);
        // Measured: about 1,500 promotions, 200 expunging steps and 35 unexpunges in 200 sequences.
        promotions.Should().BeGreaterThan(500);
        expunges.Should().BeGreaterThan(80);
        unexpunges.Should().BeGreaterThan(10);
    }

    private static void RunAgainstReference(Step[] steps)
    {
        var map = new SyncMap<int, int?>();
        var reference = new ReferenceMap();
        foreach (var step in steps)
        {
            Apply(map, reference, step);
            map.FindInvariantViolations().Should().BeEmpty($"invariants must hold after {step}");
        }
    }

    private static void Apply(SyncMap<int, int?> map, ReferenceMap reference, Step step)
    {
        var (k, v, e) = (step.Key, step.Value, step.Expected);
        object? actual, expected;
        switch (step.Op)
        {
            case Op.Load:
                actual = (map.TryLoad(k, out var a1), a1);
                expected = (reference.TryLoad(k, out var r1), r1);
                break;
            case Op.Store:
                map.Store(k, v);
                reference.Store(k, v);
                actual = expected = null;
                break;
            case Op.LoadOrStore:
                actual = (map.LoadOrStore(k, v, out var l1), l1);
                expected = (reference.LoadOrStore(k, v, out var l2), l2);
                break;
            case Op.LoadAndDelete:
                actual = (map.TryLoadAndDelete(k, out var a2), a2);
                expected = (reference.TryLoadAndDelete(k, out var r2), r2);
                break;
            case Op.Delete:
                map.Delete(k);
                reference.TryLoadAndDelete(k, out _);
                actual = expected = null;
                break;
            case Op.Swap:
                actual = (map.Swap(k, v, out var a3), a3);
                expected = (reference.Swap(k, v, out var r3), r3);
                break;
            case Op.CompareAndSwap:
                actual = map.CompareAndSwap(k, e, v);
                expected = reference.CompareAndSwap(k, e, v);
                break;
            case Op.CompareAndDelete:
                actual = map.CompareAndDelete(k, e);
                expected = reference.CompareAndDelete(k, e);
                break;
            case Op.Range:
                actual = Visit(map, int.MaxValue).OrderBy(p => p.Key).ToList();
                expected = reference.Snapshot().OrderBy(p => p.Key).ToList();
                break;
            case Op.RangeStop:
                // Stop after Key + 1 visits: what is visited must be in the map, and exactly that many are.
                var limit = k + 1;
                var visited = Visit(map, limit);
                var contents = reference.Snapshot();
                visited.Should().OnlyHaveUniqueItems().And.BeSubsetOf(contents);
                actual = visited.Count;
                expected = Math.Min(limit, contents.Count);
                break;
            case Op.Clear:
                map.Clear();
                reference.Clear();
                actual = expected = null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }

        actual.Should().BeEquivalentTo(expected, $"{step} must give the reference result");
    }

    private static List<KeyValuePair<int, int?>> Visit(SyncMap<int, int?> map, int limit)
    {
        var visited = new List<KeyValuePair<int, int?>>();
        map.Range((key, value) =>
        {
            visited.Add(new(key, value));
            return visited.Count < limit;
        });
        return visited;
    }
}
