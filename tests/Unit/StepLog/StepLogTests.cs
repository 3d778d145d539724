using GoSync.StepLog;

namespace GoSync.Tests.StepLogging;

/// <summary>
/// The step-logging build logs each call's atomic steps at the model's granularity, named by the TLA+ actions, with the
/// slots, the lock and the tables; and its NDJSON form reads back as written.
/// </summary>
public sealed class StepLogTests
{
    [Fact]
    public void A_new_key_into_an_empty_map_is_Begin_LosLocked_holding_the_lock_then_the_DirtyNext_that_adds_it()
    {
        var m = new StepLoggedMap(nameof(A_new_key_into_an_empty_map_is_Begin_LosLocked_holding_the_lock_then_the_DirtyNext_that_adds_it));

        m.LoadOrStore(1, 7, 70);

        var steps = m.Log.Lines;
        steps.Select(s => (s.T, s.Action, s.Method, s.Lock)).Should().Equal(
            (1, "Begin", "SyncMap.LoadOrStore", (int?)null),
            (1, "LosLocked", "SyncMap.AddToDirtyLocked", 1),
            (1, "DirtyNext", "SyncMap.AddToDirtyLocked", null));
        steps[0].Op.Should().Be(new StepCall(GoSync.Specs.OpKind.LoadOrStore, 7, 70, null));
        steps[0].HasEntry.Should().BeTrue();
        steps[0].Entry.Should().BeNull("read has no entry for the key");
        steps[2].Before.Should().Be(StepSlot.Free);
        steps[2].After.Should().Be(StepSlot.Live(70));
        steps[2].Entry.Should().Be(1);
        steps[2].Ret!.ToString().Should().Be("→ 70 (stored)");
        Interleaving.Tables(steps[2].Tables!).Should().Be("read {} amended, dirty {7:e1}, misses 0");
    }

    [Fact]
    public void Lock_free_store_delete_and_load_of_a_key_in_read_are_one_step_per_slot_operation()
    {
        var m = new StepLoggedMap(nameof(Lock_free_store_delete_and_load_of_a_key_in_read_are_one_step_per_slot_operation));
        m.Store(0, 1, 10);
        m.Range(0); // promotes: key 1 is now in read
        var before = m.Log.Lines.Count;

        m.Store(1, 1, 11);
        m.Delete(2, 1);
        m.Load(1, 1);

        StepsAfter(m, before).Should().Equal(
            "P1 Begin key 1 e1",
            "P1 SwapRead key 1 e1: 10",
            "P1 SwapCas key 1 e1: 10 → 11",
            "P2 Begin key 1 e1",
            "P2 DelRead key 1 e1: 11",
            "P2 DelCas key 1 e1: 11 → nil",
            "P1 Begin key 1 e1",
            "P1 LoadSlot key 1 e1: nil");
        m.Log.Lines.Should().OnlyContain(s => s.Kind == LineKind.Step);
    }

    [Fact]
    public void Range_over_an_amended_read_promotes_in_RangeLocked_then_reads_and_visits_each_key()
    {
        var m = new StepLoggedMap(nameof(Range_over_an_amended_read_promotes_in_RangeLocked_then_reads_and_visits_each_key));
        m.Store(0, 1, 10);
        var before = m.Log.Lines.Count;

        m.Range(3);

        StepsAfter(m, before).Should().Equal(
            "P3 Begin ",
            "P3 RangeLocked read {1:e1}, dirty none, misses 0",
            "P3 RangeNext key 1 e1: 10",
            "P3 RangeVisit key 1: visit(1, 10)",
            "P3 RangeNext ");
        m.Log.Lines[^1].Ret!.ToString().Should().Be("→ visited 1:10");
    }

    [Fact]
    public void Steps_of_calls_no_driver_opened_are_not_logged()
    {
        var m = new StepLoggedMap(nameof(Steps_of_calls_no_driver_opened_are_not_logged));
        m.Store(1, 1, 10);
        var logged = m.Log.Lines.Count;

        m.Map.Store(2, 20); // no Call: not this log's
        m.Map.FindInvariantViolations().Should().BeEmpty();

        m.Log.Lines.Count.Should().Be(logged);
    }

    [Fact]
    public void The_NDJSON_form_reads_back_line_for_line()
    {
        var m = new StepLoggedMap(nameof(The_NDJSON_form_reads_back_line_for_line));
        m.LoadOrStore(1, 1, null); // null is a value, not a nil slot
        m.Range(2);
        m.Delete(1, 1);
        m.Load(2, 1);
        var log = m.Log;

        var text = new StringWriter();
        StepLogJson.Write(log, text, failingLine: 3);
        var read = StepLogJson.Read(new StringReader(text.ToString()));

        text.ToString().Split('\n')[0].Should().Be(
            """{"kind":"header","format":1,"harness":"The_NDJSON_form_reads_back_line_for_line","iteration":1,"threads":[1,2],"keys":[1],"values":[null],"steps":13}""");
        text.ToString().Should().Contain("\"after\":null").And.Contain("\"after\":\"nil\"");
        read.Lines.Should().BeEquivalentTo(log.Lines, o => o.RespectingRuntimeTypes());
        read.FailureStep.Should().Be(3);
    }

    /// <summary>The steps logged after the first <paramref name="before"/> lines: thread, action, then key, entry, slot and tables.</summary>
    private static List<string> StepsAfter(StepLoggedMap m, int before) =>
        [.. m.Log.Lines.Skip(before).Select(s => $"P{s.T} {s.Action} {Interleaving.Detail(s)}")];
}
