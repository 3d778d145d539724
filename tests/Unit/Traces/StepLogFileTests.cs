using System.Text.Json.Nodes;
using GoSync.Runner;

namespace GoSync.Tests.Traces;

/// <summary>
/// The step log as trace validation reads it (tools/Runner): the schema checks that stand in for TLC where it is not
/// installed, what lies outside the model, and the re-encoding TLC reads (tla/SyncMapTrace.tla).
/// </summary>
public sealed class StepLogFileTests : IDisposable
{
    // docs/step-log.md's example: the first LoadOrStore of a new key into an empty map.
    private const string Header = """{"kind":"header","format":1,"harness":"Example","iteration":0,"threads":[1],"keys":[1],"values":[1,null],"steps":3}""";
    private const string Begin = """{"kind":"step","i":0,"t":1,"action":"Begin","method":"SyncMap.LoadOrStore","n":0,"op":{"kind":"LoadOrStore","key":1,"val":1},"key":1,"entry":null,"lock":null}""";
    private const string Locked = """{"kind":"step","i":1,"t":1,"action":"LosLocked","method":"SyncMap.LoadOrStoreLocked","n":0,"key":1,"lock":1}""";
    private const string Add = """{"kind":"step","i":2,"t":1,"action":"DirtyNext","method":"SyncMap.AddToDirtyLocked","n":0,"key":1,"entry":1,"before":"free","after":1,"lock":null,"ret":{"ok":false,"value":1},"read":{"entries":[],"amended":true},"dirty":[[1,1]],"misses":0}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("gosync-steplog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private StepLogFile Log(params string[] lines)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.ndjson");
        File.WriteAllLines(path, lines);
        return StepLogFile.Read(path);
    }

    [Fact]
    public void The_schemas_example_is_well_formed_and_in_the_models_scope()
    {
        var log = Log(Header, Begin, Locked, Add);

        log.Problems.Should().BeEmpty();
        log.OutOfScope.Should().BeNull();
        log.StepCount.Should().Be(3);
    }

    [Fact]
    public void Each_break_of_the_schema_is_reported_with_its_step()
    {
        var log = Log(
            Header.Replace("\"steps\":3", "\"steps\":4", StringComparison.Ordinal),
            Begin.Replace("\"key\":1,\"val\":1", "\"key\":7,\"val\":1", StringComparison.Ordinal),
            Locked.Replace("LosLocked", "LosLockd", StringComparison.Ordinal).Replace("\"i\":1", "\"i\":5", StringComparison.Ordinal),
            Add.Replace("\"after\":1", "\"after\":\"gone\"", StringComparison.Ordinal).Replace("\"lock\":null", "\"lock\":9", StringComparison.Ordinal));

        log.WellFormed.Should().BeFalse();
        log.Problems.Should().Contain(p => p.StartsWith("line 1: header: steps is 4", StringComparison.Ordinal))
            .And.Contain("step 0: op.key 7 is not among the header's keys")
            .And.Contain("line 3: i is 5, expected 1")
            .And.Contain("step 1: action \"LosLockd\" is no action of SyncMap.tla's Step(t)")
            .And.Contain(p => p.StartsWith("step 2: after \"gone\"", StringComparison.Ordinal))
            .And.Contain("step 2: lock 9 is not among the header's threads");
    }

    [Fact]
    public void A_log_without_a_header_is_malformed_not_an_exception()
    {
        Log(Begin).Problems.Should().Contain("line 1: the first line must be the header (kind \"header\")");
        Log("not json").Problems.Should().ContainSingle(p => p.StartsWith("line 1: not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void A_call_that_threw_or_a_callback_calling_the_map_is_outside_the_model()
    {
        Log(Header, Begin, """{"kind":"threw","i":1,"t":1,"n":0,"exception":"InjectedFault"}""")
            .OutOfScope.Should().StartWith("a call threw");

        var range = """{"kind":"step","i":0,"t":1,"action":"Begin","method":"SyncMap.Range","n":0,"op":{"kind":"Range"},"lock":null}""";
        var nested = Begin.Replace("\"i\":0", "\"i\":1", StringComparison.Ordinal).Replace("\"n\":0", "\"n\":1", StringComparison.Ordinal);
        Log(Header.Replace("\"steps\":3", "\"steps\":2", StringComparison.Ordinal), range, nested)
            .OutOfScope.Should().StartWith("thread 1 calls the map from inside its own call 0");
    }

    [Fact]
    public void TLC_reads_every_scalar_as_a_string_and_no_null()
    {
        var encoded = TlcTraceInput.Encode(Log(Header, Begin, Locked, Add));

        encoded[0]["values"]!.ToJsonString().Should().Be("""["1","null"]""");
        encoded[1].ContainsKey("entry").Should().BeFalse("a lookup that found none has no entry");
        encoded[1].ContainsKey("lock").Should().BeFalse("nobody holds the lock");
        encoded[1]["op"]!.ToJsonString().Should().Be("""{"kind":"LoadOrStore","key":"1","val":"1"}""");
        encoded[3]["dirty"]!.ToJsonString().Should().Be("""[["1","1"]]""");
        encoded[3]["after"]!.GetValue<string>().Should().Be("1");
        encoded[3].ContainsKey("ret").Should().BeFalse();
        encoded.SelectMany(l => l.ToJsonString().Split(',')).Should().NotContain(f => f.EndsWith(":null", StringComparison.Ordinal));
    }

    [Fact]
    public void A_promotion_folded_into_a_locked_slot_step_becomes_the_models_own_Unlock_step()
    {
        var read = """{"entries":[],"amended":true}""";
        var promoted = """{"entries":[[1,1]],"amended":false}""";
        var lines = new[]
        {
            Header.Replace("\"steps\":3", "\"steps\":6", StringComparison.Ordinal), Begin, Locked, Add,
            """{"kind":"step","i":3,"t":1,"action":"Begin","method":"SyncMap.LoadOrStore","n":1,"op":{"kind":"LoadOrStore","key":1,"val":1},"key":1,"entry":null,"lock":null}""",
            """{"kind":"step","i":4,"t":1,"action":"LosLocked","method":"SyncMap.LoadOrStoreLocked","n":1,"key":1,"lock":1}""",
            $$"""{"kind":"step","i":5,"t":1,"action":"LosRead","method":"Entry.TryLoadOrStore","n":1,"key":1,"entry":1,"before":1,"after":1,"lock":null,"read":{{promoted}},"dirty":null,"misses":0}""",
        };
        var encoded = TlcTraceInput.Encode(Log(lines));

        encoded.Should().HaveCount(8);
        encoded[6]["action"]!.GetValue<string>().Should().Be("LosRead");
        encoded[6].ContainsKey("read").Should().BeFalse();
        encoded[6]["lock"]!.GetValue<string>().Should().Be("1", "the model's region holds the lock until Unlock");
        encoded[7]["action"]!.GetValue<string>().Should().Be("Unlock");
        encoded[7]["read"]!.ToJsonString().Should().Be("""{"entries":[["1","1"]],"amended":false}""");
        encoded[7].ContainsKey("lock").Should().BeFalse();

        // The same step without a promotion (read unchanged) stays one line.
        lines[6] = lines[6].Replace(promoted, read, StringComparison.Ordinal).Replace("\"dirty\":null", "\"dirty\":[[1,1]]", StringComparison.Ordinal);
        TlcTraceInput.Encode(Log(lines)).Should().HaveCount(7);
    }

    [Fact]
    public void The_visit_that_stops_a_Range_is_marked()
    {
        var visit = """{"kind":"step","i":1,"t":1,"action":"RangeVisit","method":"SyncMap.Range","n":0,"key":1,"visit":1,"lock":null,"ret":{"visited":[[1,1]],"stopped":true}}""";
        var log = Log(Header.Replace("\"steps\":3", "\"steps\":2", StringComparison.Ordinal),
            """{"kind":"step","i":0,"t":1,"action":"Begin","method":"SyncMap.Range","n":0,"op":{"kind":"Range"},"lock":null}""", visit);

        TlcTraceInput.Encode(log)[2]["stops"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Coverage_counts_actions_by_the_slot_they_found()
    {
        var coverage = TraceCoverage.Of([Log(Header, Begin, Locked, Add)]);

        coverage.Steps("DirtyNext").Should().Be(1);
        coverage.Rows().Single(r => r["action"]!.GetValue<string>() == "DirtyNext")["free"]!.GetValue<int>().Should().Be(1);
        coverage.NeverExercised().Should().Contain("LoadSlot").And.NotContain("Begin");
    }
}
