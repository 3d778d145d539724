using System.Reflection;

namespace GoSync.Tests.Map;

/// <summary>
/// The read/dirty machinery itself: when dirty is created, promoted, expunged and unexpunged, and that the invariant
/// check reports a broken structure. Results alone cannot show these: a map that never promotes is still correct.
/// </summary>
public class StructureTests
{
    private readonly SyncMap<string, int> _map = new();

    [Fact]
    public void A_new_map_has_an_empty_read_and_no_dirty()
    {
        _map.DescribeShape().Should().Be(new MapShape(0, 0, 0, -1, 0, false, 0));
    }

    [Fact]
    public void A_new_key_goes_to_dirty_and_amends_read()
    {
        _map.Store("a", 1);
        _map.DescribeShape().Should().Be(new MapShape(0, 0, 0, 1, 0, true, 1));
    }

    [Fact]
    public void Misses_reaching_the_dirty_count_promote_dirty_to_read()
    {
        _map.Store("a", 1);
        _map.Store("b", 2);
        _map.Store("c", 3);
        _map.TryLoad("a", out _);
        _map.TryLoad("b", out _);
        _map.DescribeShape().Should().Be(new MapShape(0, 0, 0, 3, 2, true, 3));
        _map.TryLoad("c", out _); // third miss: 3 >= len(dirty)
        _map.DescribeShape().Should().Be(new MapShape(3, 0, 0, -1, 0, false, 3));
    }

    [Fact]
    public void Loads_of_keys_in_read_count_no_misses()
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true);
        _map.Store("b", 2);
        for (var i = 0; i < 10; i++)
        {
            _map.TryLoad("a", out _);
        }

        _map.DescribeShape().Misses.Should().Be(0);
    }

    [Fact]
    public void Creating_dirty_expunges_deleted_entries_and_leaves_them_out()
    {
        _map.Store("a", 1);
        _map.Store("b", 2);
        _map.Range((_, _) => true);
        _map.Delete("a"); // nil in read, no dirty
        _map.DescribeShape().Should().Be(new MapShape(2, 1, 0, -1, 0, false, 2));
        _map.Store("c", 3); // dirtyLocked copies read without "a"
        _map.DescribeShape().Should().Be(new MapShape(2, 0, 1, 2, 0, true, 3));
        _map.CheckInvariants();
    }

    [Fact]
    public void Storing_into_an_expunged_entry_puts_it_back_into_dirty()
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true);
        _map.Delete("a");
        _map.Store("b", 2); // expunges "a"
        _map.Store("a", 3); // unexpunge, then dirty[a] = e
        _map.DescribeShape().Should().Be(new MapShape(1, 0, 0, 2, 0, true, 2));
        _map.CheckInvariants();
        _map.Range((_, _) => true); // promote: "a" must survive
        _map.TryLoad("a", out var value).Should().BeTrue();
        value.Should().Be(3);
    }

    [Theory]
    [InlineData("Swap")]
    [InlineData("LoadOrStore")]
    public void Every_write_into_an_expunged_entry_puts_it_back_into_dirty(string operation)
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true);
        _map.Delete("a");
        _map.Store("b", 2);
        _ = operation == "Swap" ? _map.Swap("a", 3, out _) : _map.LoadOrStore("a", 3, out _) == 3;
        _map.CheckInvariants();
        _map.Range((_, _) => true);
        _map.TryLoad("a", out var value).Should().BeTrue();
        value.Should().Be(3);
    }

    [Fact]
    public void Range_promotes_an_amended_dirty_first()
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true);
        _map.DescribeShape().Should().Be(new MapShape(1, 0, 0, -1, 0, false, 1));
    }

    [Fact]
    public void Deleting_fresh_keys_keeps_reachable_entries_bounded()
    {
        // Go issue 40999: a LoadAndDelete that leaves the key in dirty lets dirty grow with every fresh key, and
        // misses never catch up with its count.
        _map.Store("live1", 1);
        _map.Store("live2", 2);
        _map.Range((_, _) => true);
        var most = 0;
        for (var i = 0; i < 100; i++)
        {
            _map.Store($"fresh{i}", i);
            _map.Delete($"fresh{i}");
            most = Math.Max(most, _map.DescribeShape().ReachableEntries);
        }

        most.Should().BeLessThanOrEqualTo(3);
    }

    [Fact]
    public void Invariants_hold_through_a_scripted_life_cycle()
    {
        var steps = new Action[]
        {
            () => _map.Store("a", 1), () => _map.TryLoad("a", out _), () => _map.Delete("a"),
            () => _map.Store("b", 2), () => _map.LoadOrStore("a", 3, out _), () => _map.TryLoad("x", out _),
            () => _map.TryLoad("y", out _), () => _map.CompareAndDelete("a", 3), () => _map.Store("c", 4),
            () => _map.Range((_, _) => true), () => _map.Swap("c", 5, out _), () => _map.Clear(),
            () => _map.Store("d", 6),
        };
        foreach (var step in steps)
        {
            step();
            _map.FindInvariantViolations().Should().BeEmpty();
        }
    }

    [Fact]
    public void The_invariant_check_reports_misses_that_reached_dirtys_count()
    {
        _map.Store("a", 1); // dirty = {a}
        SetField(_map, "_misses", 2);
        _map.FindInvariantViolations().Should().ContainSingle().Which.Invariant.Should().Be(Invariant.MissesBelowDirtyCount);
    }

    [Fact]
    public void The_invariant_check_reports_misses_left_after_a_promotion()
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true); // promoted: dirty is null
        SetField(_map, "_misses", 2);
        _map.FindInvariantViolations().Should().ContainSingle().Which.Invariant.Should().Be(Invariant.MissesResetWithoutDirty);
    }

    [Fact]
    public void The_invariant_check_reports_read_and_dirty_sharing_one_dictionary()
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true);
        var read = GetField(_map, "_read")!;
        var entries = read.GetType().GetField("Entries", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(read);
        SetField(_map, "_dirty", entries);
        _map.FindInvariantViolations().Should().Contain(v => v.Invariant == Invariant.ReadAndDirtyDistinct);
    }

    [Theory]
    [InlineData(false, nameof(Invariant.LiveEntryInDirty), "live")]
    [InlineData(true, nameof(Invariant.NilEntryInDirty), "nil")]
    public void The_invariant_check_names_a_read_entry_missing_from_dirty_by_its_slot_state(bool deleted, string invariant, string state)
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true);
        _map.Store("b", 2); // dirty = {a, b}
        if (deleted)
        {
            _map.Delete("a"); // nil in read and in dirty
        }

        var dirty = (EntryTable<string, int>)GetField(_map, "_dirty")!;
        dirty.Remove("a");
        _map.FindInvariantViolations().Should().ContainSingle().Which.Should().Be(
            new InvariantViolation(Enum.Parse<Invariant>(invariant), $"{state} entry for key a is in read but dirty does not map the key to it"));
    }

    [Fact]
    public void A_violation_reads_as_its_invariant_name_then_the_detail()
    {
        new InvariantViolation(Invariant.MissesBelowDirtyCount, "misses 3 reached dirty's count 3 without a promotion").ToString()
            .Should().Be("MissesBelowDirtyCount: misses 3 reached dirty's count 3 without a promotion");
    }

    [Fact]
    public void A_promoted_read_table_refuses_writes()
    {
        _map.Store("a", 1);
        _map.Range((_, _) => true); // dirty becomes read
        var read = GetField(_map, "_read")!;
        var entries = (EntryTable<string, int>)read.GetType().GetField("Entries", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(read)!;
        entries.IsFrozen.Should().BeTrue();
        var write = () => entries.Remove("a");
        write.Should().Throw<InvalidOperationException>().WithMessage("ReadNeverWritten: *published read table*");
    }

    [Fact]
    public void The_invariant_check_reports_an_amended_read_without_dirty()
    {
        _map.Store("a", 1);
        SetField(_map, "_dirty", null);
        _map.FindInvariantViolations().Should().Contain(new InvariantViolation(Invariant.AmendedIffDirtyHasMore, "read is amended but dirty is null"));
        var act = () => _map.CheckInvariants();
        act.Should().Throw<InvalidOperationException>().WithMessage("*AmendedIffDirtyHasMore: read is amended but dirty is null*");
    }

    private static object? GetField(object target, string name) =>
        target.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(target);

    private static void SetField(object target, string name, object? value) =>
        target.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)!.SetValue(target, value);
}
