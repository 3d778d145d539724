using System.Text;
using GoSync.Specs.Generation;
using GoSync.Tools.Check;

namespace GoSync.Tests.Specs;

/// <summary>
/// <c>gosync-check</c> on many histories in one process, and every kind of bad input: one line
/// <c>file:line: field: reason</c> on standard error and exit 64.
/// </summary>
public sealed class CheckCommandBatchTests : IDisposable
{
    private const string Fine = """
        {"process": 1, "op": "Store", "key": "x", "arg": 1, "call": 1, "return": 2}
        {"process": 2, "op": "Load", "key": "x", "call": 3, "return": 4, "ok": true, "value": 1}

        """;

    private const string Violating = """
        {"process": 1, "op": "Store", "key": "x", "arg": 1, "call": 1, "return": 2}
        {"process": 2, "op": "Load", "key": "x", "call": 3, "return": 4, "ok": false, "value": null}

        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("gosync-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Folder_gives_one_line_per_history_and_a_summary_table()
    {
        var folder = Folder("histories", ("a.jsonl", Fine), ("b.jsonl", Violating), ("nested/c.jsonl", Fine), ("notes.txt", "not a history"));

        var (code, stdout, stderr) = Run(folder);

        code.Should().Be(ExitCode.NotLinearizable);
        stderr.Should().BeEmpty();
        var lines = stdout.Split('\n');
        lines.Where(l => l.Contains(".jsonl  (", StringComparison.Ordinal)).Should().Equal(
            lines.Where(l => l.Contains(".jsonl  (", StringComparison.Ordinal)).ToArray(), "one line per file");
        lines.Count(l => l.StartsWith("linearizable     ", StringComparison.Ordinal) && l.Contains("(2 ops, ", StringComparison.Ordinal)).Should().Be(2);
        lines.Should().ContainSingle(l => l.StartsWith($"NOT linearizable {Path.Combine(folder, "b.jsonl")}  (2 ops, ", StringComparison.Ordinal));
        lines.Should().Contain(["verdict            files", "linearizable           2", "NOT linearizable       1", "unknown                0", "bad input              0", "total                  3"]);
        lines.Should().ContainSingle(l => l.StartsWith("slowest: ", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.StartsWith("total time: ", StringComparison.Ordinal) && l.EndsWith(" s for 3 files in one process", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_are_checked_in_the_order_given_and_folders_in_ordinal_order()
    {
        var folder = Folder("ordered", ("b.jsonl", Fine), ("a.jsonl", Fine));
        var single = Write("z.jsonl", Fine);

        var (_, stdout, _) = Run(single, folder);

        stdout.Split('\n').Where(l => l.StartsWith("linearizable     /", StringComparison.Ordinal)).Select(l => l.Split("  (")[0][17..])
            .Should().Equal(single, Path.Combine(folder, "a.jsonl"), Path.Combine(folder, "b.jsonl"));
    }

    [Theory]
    [InlineData(new[] { "fine" }, ExitCode.Linearizable)]
    [InlineData(new[] { "fine", "unknown" }, ExitCode.Unknown)]
    [InlineData(new[] { "unknown", "violating", "fine" }, ExitCode.NotLinearizable)]
    [InlineData(new[] { "violating", "bad", "unknown" }, ExitCode.BadInput)]
    [InlineData(new[] { "missing", "fine" }, ExitCode.BadInput)]
    public void Exit_code_is_the_worst_outcome_over_all_files(string[] kinds, int expected)
    {
        using var pathological = new StringWriter();
        GoSync.Specs.HistoryJson.Write(PathologicalHistory.Build(40), pathological);
        var paths = kinds.Select((kind, i) => kind switch
        {
            "fine" => Write($"{i}.jsonl", Fine),
            "violating" => Write($"{i}.jsonl", Violating),
            "unknown" => Write($"{i}.jsonl", pathological.ToString()),
            "bad" => Write($"{i}.jsonl", "{\"process\": 1}\n"),
            _ => Path.Combine(_dir, "missing.jsonl"),
        });

        Run([.. paths, "--timeout", "0.2"]).Code.Should().Be(expected);
    }

    [Fact]
    public void Bad_file_in_a_batch_is_one_diagnostic_line_and_the_others_are_still_checked()
    {
        var bad = Write("bad.jsonl", Fine + "{\"process\": 3, \"op\": \"Load\", \"key\": \"x\", \"call\": 5, \"return\": 6, \"ok\": \"yes\"}\n");
        var fine = Write("fine.jsonl", Fine);

        var (code, stdout, stderr) = Run(bad, fine);

        code.Should().Be(ExitCode.BadInput);
        stderr.Should().Be($"{bad}:3: ok: expected true or false, found \"yes\"\n");
        stdout.Should().Contain($"bad input        {bad}  (see standard error)\n").And.Contain($"linearizable     {fine}  (2 ops, ")
            .And.Contain("bad input              1\n");
    }

    [Fact]
    public void Html_folder_gets_a_timeline_for_each_failing_history_only()
    {
        var html = Path.Combine(_dir, "timelines");
        var folder = Folder("mixed", ("fine.jsonl", Fine), ("broken.jsonl", Violating), ("sub/broken.jsonl", Violating));

        var (code, stdout, _) = Run(folder, "--html", html);

        code.Should().Be(ExitCode.NotLinearizable);
        Directory.GetFiles(html).Select(Path.GetFileName).Should().BeEquivalentTo("broken.html", "broken-2.html");
        File.ReadAllText(Path.Combine(html, "broken.html")).Should().StartWith("<!DOCTYPE html>").And.Contain("Not linearizable");
        stdout.Should().Contain($"timeline {Path.Combine(html, "broken.html")})");
    }

    [Fact]
    public void Single_history_with_an_html_folder_writes_its_timeline_there_when_it_fails()
    {
        var html = Path.Combine(_dir, "out");
        var (code, stdout, _) = Run(Write("stale.jsonl", Violating), "--html", html);

        code.Should().Be(ExitCode.NotLinearizable);
        File.Exists(Path.Combine(html, "stale.html")).Should().BeTrue();
        stdout.Should().Contain($"HTML timeline written to {Path.Combine(html, "stale.html")}");
    }

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { "truncated line", Fine + "{\"process\": 3, \"op\": \"Lo", ":3: line: not JSON: " },
        { "wrong type", "{\"process\": \"one\", \"op\": \"Clear\", \"call\": 1, \"return\": 2}\n", ":1: process: expected an integer, found \"one\"" },
        { "field twice", "{\"process\": 1, \"process\": 2, \"op\": \"Clear\", \"call\": 1, \"return\": 2}\n", ":1: process: appears twice" },
        { "same process twice at once", Fine + "{\"process\": 1, \"op\": \"Clear\", \"call\": 1, \"return\": 2}\n", ":3: call: process 1 calls at 1 while its call on line 1 is running" },
        { "return before call", "{\"process\": 1, \"op\": \"Clear\", \"call\": 5, \"return\": 2}\n", ":1: return: 2 is before the call at 5" },
        { "unknown operation", "{\"process\": 1, \"op\": \"Frobnicate\", \"call\": 1, \"return\": 2}\n", ":1: op: unknown operation \"Frobnicate\"" },
        { "unknown field", "{\"process\": 1, \"op\": \"Clear\", \"call\": 1, \"return\": 2, \"id\": 7}\n", ":1: id: unknown field" },
        { "huge integer", "{\"process\": 1, \"op\": \"Clear\", \"call\": 123456789012345678901234567890, \"return\": null}\n", ":1: call: expected an integer, found 123456789012345678901234567890" },
        { "process beyond int", "{\"process\": 4294967296, \"op\": \"Clear\", \"call\": 1, \"return\": 2}\n", ":1: process: expected an integer, found 4294967296" },
        { "infinite value", "{\"process\": 1, \"op\": \"Store\", \"key\": \"x\", \"arg\": 1e400, \"call\": 1, \"return\": 2}\n", ":1: arg: expected a string, a number or null, found 1e400" },
        { "not an object", "[1, 2, 3]\n", ":1: line: expected a JSON object, found an array" },
        { "empty file", "", ":0: file: empty: no operation in it" },
        { "blank lines only", "\n  \n\n", ":0: file: empty: no operation in it" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_of_every_kind_is_one_line_naming_file_line_and_field_and_exits_64(string kind, string content, string expected)
    {
        var path = Write(kind.Replace(' ', '-') + ".jsonl", content);

        var (code, stdout, stderr) = Run(path);

        code.Should().Be(ExitCode.BadInput);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith(path + expected).And.EndWith("\n");
        stderr.Count(c => c == '\n').Should().Be(1);
    }

    [Fact]
    public void Invalid_utf8_names_its_line_and_byte()
    {
        var path = Path.Combine(_dir, "latin1.jsonl");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(Fine), .. "{\"process\": 3, \"op\": \"Load\", \"key\": \"caf"u8.ToArray(), 0xE9, .. "\"}\n"u8.ToArray()]);

        var (code, _, stderr) = Run(path);

        code.Should().Be(ExitCode.BadInput);
        stderr.Should().Be($"{path}:3: line: not UTF-8 (byte 41 of the line)\n");
    }

    [Fact]
    public void Byte_order_mark_is_accepted()
    {
        var path = Path.Combine(_dir, "bom.jsonl");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Fine)]);

        Run(path).Code.Should().Be(ExitCode.Linearizable);
    }

    [Fact]
    public void Folder_without_histories_is_bad_input()
    {
        var folder = Folder("empty-folder", ("readme.txt", "nothing here"));

        var (code, _, stderr) = Run(folder);

        code.Should().Be(ExitCode.BadInput);
        stderr.Should().Be($"{folder}:0: file: a folder with no *.jsonl history in it\n");
    }

    private (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = CheckCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private string Folder(string name, params (string Name, string Content)[] files)
    {
        foreach (var (file, content) in files)
        {
            Write(Path.Combine(name, file), content);
        }

        return Path.Combine(_dir, name);
    }
}
