using System.Text.Json;
using GoSync.Specs;
using GoSync.Specs.Generation;

namespace GoSync.Tests.Specs;

/// <summary>
/// The one table of what each operation takes and returns, against everything that reads it: the file written has
/// exactly the table's fields, the parser reads them back, the recorder keeps only the results the table names, and
/// generated histories fill only the fields the table names.
/// </summary>
public class OperationFactsTests
{
    public static TheoryData<OpKind> Kinds => [.. Enum.GetValues<OpKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Written_line_has_exactly_the_table_s_fields_and_reads_back(OpKind kind)
    {
        var facts = OperationFacts.Of(kind);
        var op = new Operation(
            1, kind, facts.TakesKey ? "k" : null, facts.TakesArg ? 1L : null, facts.TakesExpected ? 2L : null, 1, 2,
            ok: facts.ReturnsOk, value: facts.ReturnsValue ? 3L : null);

        var line = HistoryJson.Line(op);
        using var json = JsonDocument.Parse(line);
        var fields = json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        string?[] expected =
        [
            "process", "op", "call", "return",
            facts.TakesKey ? "key" : null, facts.TakesArg ? "arg" : null, facts.TakesExpected ? "expected" : null,
            facts.ReturnsOk ? "ok" : null, facts.ReturnsValue ? "value" : null,
            kind == OpKind.Range ? "visited" : null, kind == OpKind.Range ? "stopped" : null,
        ];
        fields.Should().BeEquivalentTo(expected.OfType<string>());

        var read = HistoryJson.Read(new StringReader(line)).Operations.Should().ContainSingle().Subject;
        HistoryJson.Line(read).Should().Be(line);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Recorder_keeps_only_the_results_the_table_names(OpKind kind)
    {
        if (kind == OpKind.Range)
        {
            return; // its results are visited pairs, through ReturnRange
        }

        var facts = OperationFacts.Of(kind);
        var recorder = new HistoryRecorder();
        var pending = recorder.Invoke(1, kind, facts.TakesKey ? "k" : null, arg: 1, expected: 2);
        recorder.Return(pending, ok: true, value: 3);

        var op = recorder.ToHistory().Operations.Should().ContainSingle().Subject;
        op.Ok.Should().Be(facts.ReturnsOk);
        op.Value.Should().Be(facts.ReturnsValue ? 3L : null);
    }

    [Fact]
    public void Generated_histories_fill_only_the_table_s_fields()
    {
        var history = SimulatedHistory.Generate(new SimulationOptions(Processes: 4, Operations: 400, Keys: 3), 7);
        history.Operations.Select(op => op.Kind).Distinct().Should().HaveCount(Enum.GetValues<OpKind>().Length);
        foreach (var op in history.Operations)
        {
            var facts = OperationFacts.Of(op.Kind);
            (op.Key is not null).Should().Be(facts.TakesKey, op.ToString());
            if (!facts.TakesArg)
            {
                op.Arg.Should().BeNull(op.ToString());
            }

            if (!facts.TakesExpected)
            {
                op.Expected.Should().BeNull(op.ToString());
            }
        }
    }
}
