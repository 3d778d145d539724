using GoSync.Specs;

namespace GoSync.Tests.Specs;

public class SequentialSpecTests
{
    [Fact]
    public void Each_operation_gives_Go_results_and_next_state()
    {
        var s = MapState.Empty;
        (OpResult r, s) = SequentialSpec.Apply(s, OpKind.Load, "x");
        r.Ok.Should().BeFalse();

        (r, s) = SequentialSpec.Apply(s, OpKind.LoadOrStore, "x", arg: 1);
        (r.Ok, r.Value).Should().Be((false, 1L));
        (r, s) = SequentialSpec.Apply(s, OpKind.LoadOrStore, "x", arg: 2);
        (r.Ok, r.Value).Should().Be((true, 1L));

        (r, s) = SequentialSpec.Apply(s, OpKind.Swap, "x", arg: 3);
        (r.Ok, r.Value).Should().Be((true, 1L));

        (r, s) = SequentialSpec.Apply(s, OpKind.CompareAndSwap, "x", arg: 4, expected: 1);
        r.Ok.Should().BeFalse();
        (r, s) = SequentialSpec.Apply(s, OpKind.CompareAndSwap, "x", arg: 4, expected: 3);
        r.Ok.Should().BeTrue();

        (r, s) = SequentialSpec.Apply(s, OpKind.CompareAndDelete, "x", expected: 3);
        r.Ok.Should().BeFalse();
        (r, s) = SequentialSpec.Apply(s, OpKind.CompareAndDelete, "x", expected: 4);
        r.Ok.Should().BeTrue();
        s.Count.Should().Be(0);

        (_, s) = SequentialSpec.Apply(s, OpKind.Store, "y", arg: null);
        (r, s) = SequentialSpec.Apply(s, OpKind.Range);
        r.Visited.Should().ContainSingle().Which.Should().Be(new KeyValuePair<object, object?>("y", null));

        (r, s) = SequentialSpec.Apply(s, OpKind.LoadAndDelete, "y");
        (r.Ok, r.Value).Should().Be((true, (object?)null));
        (_, s) = SequentialSpec.Apply(s, OpKind.Store, "z", arg: 1);
        (_, s) = SequentialSpec.Apply(s, OpKind.Delete, "z");
        s.Count.Should().Be(0);
        (_, s) = SequentialSpec.Apply(s, OpKind.Store, "z", arg: 1);
        (_, s) = SequentialSpec.Apply(s, OpKind.Clear);
        s.Should().BeSameAs(MapState.Empty);
    }

    [Fact]
    public void CompareAndSwap_on_an_absent_key_fails_even_expecting_null()
    {
        var (r, next) = SequentialSpec.Apply(MapState.Empty, OpKind.CompareAndSwap, "x", arg: 1, expected: null);
        r.Ok.Should().BeFalse();
        next.Count.Should().Be(0);
    }

    [Fact]
    public void Agrees_ignores_the_value_of_a_miss_since_Go_returns_a_zero_value()
    {
        var miss = new Operation(1, OpKind.Load, "x", null, null, 1, 2, ok: false, value: 0);
        SequentialSpec.Agrees(miss, SequentialSpec.Apply(MapState.Empty, miss).Result).Should().BeTrue();
    }

    [Fact]
    public void Agrees_on_a_Range_means_every_present_pair_once()
    {
        var state = MapState.Empty.With("x", 1).With("y", 2);
        var model = SequentialSpec.Apply(state, OpKind.Range).Result;
        Operation Range(bool stopped, params (string, long)[] pairs) =>
            new(1, OpKind.Range, null, null, null, 1, 2, visited: [.. pairs.Select(p => new KeyValuePair<object, object?>(p.Item1, p.Item2))], stopped: stopped);

        SequentialSpec.Agrees(Range(false, ("y", 2), ("x", 1)), model).Should().BeTrue();
        SequentialSpec.Agrees(Range(false, ("y", 2)), model).Should().BeFalse();
        SequentialSpec.Agrees(Range(true, ("y", 2)), model).Should().BeTrue();
        SequentialSpec.Agrees(Range(false, ("y", 2), ("y", 2), ("x", 1)), model).Should().BeFalse();
        SequentialSpec.Agrees(Range(false, ("y", 3), ("x", 1)), model).Should().BeFalse();
    }

    [Theory]
    [InlineData(1, 1.0, true)]
    [InlineData(1, "1", false)]
    [InlineData(null, null, true)]
    [InlineData(2.5, 2.5, true)]
    public void Scalars_compare_as_JSON_values(object? a, object? b, bool equal) =>
        Scalar.AreEqual(a, b).Should().Be(equal);
}
