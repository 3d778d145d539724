using GoSync.Specs;
using GoSync.Specs.Generation;
using static GoSync.Tests.Specs.Ops;

namespace GoSync.Tests.Specs;

public class HistoryJsonTests
{
    [Fact]
    public void Example_line_from_the_issue_is_read()
    {
        var op = ReadOne("""{"process": 1, "op": "CompareAndSwap", "key": "x", "arg": 3, "expected": 2, "call": 10, "return": 14, "ok": true, "value": null}""");

        op.Process.Should().Be(1);
        op.Kind.Should().Be(OpKind.CompareAndSwap);
        op.Key.Should().Be("x");
        op.Arg.Should().Be(3L);
        op.Expected.Should().Be(2L);
        op.Call.Should().Be(10);
        op.Return.Should().Be(14);
        op.Ok.Should().BeTrue();
        op.Line.Should().Be(1);
    }

    [Fact]
    public void Range_line_is_read_with_its_pairs()
    {
        var op = ReadOne("""{"process": 2, "op": "Range", "call": 1, "return": 5, "visited": [["x", 1], [7, null], ["y", 2.5]], "stopped": true}""");

        op.Visited.Should().Equal(
            new KeyValuePair<object, object?>("x", 1L),
            new KeyValuePair<object, object?>(7L, null),
            new KeyValuePair<object, object?>("y", 2.5));
        op.Stopped.Should().BeTrue();
    }

    [Fact]
    public void Pending_call_needs_no_results()
    {
        var op = ReadOne("""{"process": 1, "op": "Load", "key": "x", "call": 3, "return": null}""");
        op.IsPending.Should().BeTrue();
    }

    [Fact]
    public void Written_histories_read_back_the_same()
    {
        var history = SimulatedHistory.Generate(new SimulationOptions(Processes: 4, Operations: 200, Keys: 3, PendingChance: 0.1), 3);
        using var writer = new StringWriter();
        HistoryJson.Write(history, writer);

        var back = HistoryJson.Read(new StringReader(writer.ToString()));

        back.Operations.Select(op => op.ToString()).Should().Equal(history.Operations.Select(op => op.ToString()));
        back.Operations.Select(HistoryJson.Line).Should().Equal(history.Operations.Select(HistoryJson.Line));
    }

    [Fact]
    public void Strings_with_quotes_and_unicode_round_trip()
    {
        var history = H(Store(1, "a \"quoted\"\nkey", "é → ✓", 1, 2));
        using var writer = new StringWriter();
        HistoryJson.Write(history, writer);
        var op = HistoryJson.Read(new StringReader(writer.ToString())).Operations.Single();
        op.Key.Should().Be("a \"quoted\"\nkey");
        op.Arg.Should().Be("é → ✓");
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var history = HistoryJson.Read(new StringReader("\n" + """{"process": 1, "op": "Delete", "key": "x", "call": 1, "return": 2}""" + "\n\n"));
        history.Operations.Single().Line.Should().Be(2);
    }

    [Theory]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false", 1, null, "not JSON")]
    [InlineData("[1, 2]", 1, null, "expected a JSON object")]
    [InlineData("{\"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false}", 1, "process", "missing")]
    [InlineData("{\"process\": \"1\", \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false}", 1, "process", "expected an integer")]
    [InlineData("{\"process\": 1.5, \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false}", 1, "process", "expected an integer")]
    [InlineData("{\"process\": 1, \"op\": \"Fetch\", \"key\": \"x\", \"call\": 1, \"return\": 2}", 1, "op", "unknown operation \"Fetch\"")]
    [InlineData("{\"process\": 1, \"op\": \"load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false}", 1, "op", "unknown operation")]
    [InlineData("{\"process\": 1, \"op\": \"Load, Store\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false}", 1, "op", "unknown operation")]
    [InlineData("{\"process\": 1, \"op\": \"1\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false}", 1, "op", "unknown operation")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"call\": 1, \"return\": 2, \"ok\": false}", 1, "key", "missing")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": null, \"call\": 1, \"return\": 2, \"ok\": false}", 1, "key", "null")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": true, \"call\": 1, \"return\": 2, \"ok\": false}", 1, "key", "expected a string, a number or null")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": [1], \"call\": 1, \"return\": 2, \"ok\": false}", 1, "key", "found an array")]
    [InlineData("{\"process\": 1, \"op\": \"Clear\", \"key\": \"x\", \"call\": 1, \"return\": 2}", 1, "key", "Clear takes no key")]
    [InlineData("{\"process\": 1, \"op\": \"Store\", \"key\": \"x\", \"call\": 1, \"return\": 2}", 1, "arg", "missing")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"arg\": 1, \"call\": 1, \"return\": 2, \"ok\": false}", 1, "arg", "Load takes no arg")]
    [InlineData("{\"process\": 1, \"op\": \"CompareAndDelete\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false}", 1, "expected", "missing")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"ok\": false}", 1, "return", "missing")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"call\": 5, \"return\": 2, \"ok\": false}", 1, "return", "before the call")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2}", 1, "ok", "missing")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": 1}", 1, "ok", "expected true or false")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": true}", 1, "value", "missing")]
    [InlineData("{\"process\": 1, \"op\": \"LoadOrStore\", \"key\": \"x\", \"arg\": 1, \"call\": 1, \"return\": 2, \"ok\": false}", 1, "value", "missing")]
    [InlineData("{\"process\": 1, \"op\": \"Range\", \"call\": 1, \"return\": 2, \"stopped\": false}", 1, "visited", "missing")]
    [InlineData("{\"process\": 1, \"op\": \"Range\", \"call\": 1, \"return\": 2, \"visited\": [[\"x\"]], \"stopped\": false}", 1, "visited", "item 0 is not a [key, value] pair")]
    [InlineData("{\"process\": 1, \"op\": \"Range\", \"call\": 1, \"return\": 2, \"visited\": [[null, 1]], \"stopped\": false}", 1, "visited", "null key")]
    [InlineData("{\"process\": 1, \"op\": \"Range\", \"call\": 1, \"return\": 2, \"visited\": []}", 1, "stopped", "missing")]
    [InlineData("{\"process\": 1, \"op\": \"Range\", \"call\": 1, \"return\": 2, \"visited\": [], \"stopped\": true}", 1, "stopped", "visited' is empty")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false, \"visited\": []}", 1, "visited", "Load takes no visited")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": false, \"retrun\": 3}", 1, "retrun", "unknown field")]
    [InlineData("{\"process\": 1, \"process\": 2, \"op\": \"Delete\", \"key\": \"x\", \"call\": 1, \"return\": 2}", 1, "process", "appears twice")]
    [InlineData("{\"process\": 1, \"op\": \"Load\", \"key\": \"x\", \"call\": 1, \"return\": 2, \"ok\": true, \"value\": 1e999}", 1, "value", "expected a string, a number or null")]
    public void Malformed_line_is_rejected_naming_line_and_field(string line, int number, string? field, string problem)
    {
        var act = () => HistoryJson.Read(new StringReader(line));

        var e = act.Should().Throw<HistoryFormatException>().Which;
        e.LineNumber.Should().Be(number);
        e.Field.Should().Be(field);
        e.Message.Should().StartWith(field is null ? $"line {number}: " : $"line {number}: field '{field}': ");
        e.Problem.Should().Contain(problem);
    }

    [Fact]
    public void Error_on_a_later_line_names_that_line()
    {
        var text = """
            {"process": 1, "op": "Delete", "key": "x", "call": 1, "return": 2}
            {"process": 1, "op": "Delete", "key": "x", "call": 3, "return": "4"}
            """;
        var act = () => HistoryJson.Read(new StringReader(text));
        act.Should().Throw<HistoryFormatException>().WithMessage("line 2: field 'return': expected an integer, found \"4\"");
    }

    [Fact]
    public void Overlapping_calls_of_one_process_are_rejected()
    {
        var text = """
            {"process": 1, "op": "Delete", "key": "x", "call": 1, "return": 5}
            {"process": 1, "op": "Delete", "key": "x", "call": 3, "return": 4}
            """;
        var act = () => HistoryJson.Read(new StringReader(text));
        act.Should().Throw<HistoryFormatException>()
            .WithMessage("line 2: field 'call': process 1 calls at 3 while its call on line 1 is running (returns at 5)");
    }

    [Fact]
    public void Call_after_a_pending_call_of_the_same_process_is_rejected()
    {
        var text = """
            {"process": 1, "op": "Delete", "key": "x", "call": 1, "return": null}
            {"process": 1, "op": "Delete", "key": "x", "call": 3, "return": 4}
            """;
        var act = () => HistoryJson.Read(new StringReader(text));
        act.Should().Throw<HistoryFormatException>().Which.Problem.Should().Contain("never returns");
    }

    private static Operation ReadOne(string line) => HistoryJson.Read(new StringReader(line)).Operations.Single();
}
