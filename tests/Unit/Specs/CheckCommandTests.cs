using GoSync.Specs.Generation;
using GoSync.Tools.Check;

namespace GoSync.Tests.Specs;

/// <summary>The <c>gosync-check</c> command on one history, called in-process: its exit codes and what it prints.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private const string Violating = """
        {"process": 1, "op": "Store", "key": "x", "arg": 1, "call": 1, "return": 2}
        {"process": 2, "op": "Load", "key": "x", "call": 3, "return": 4, "ok": false, "value": null}
        """;

    private const string Fine = """
        {"process": 1, "op": "Store", "key": "x", "arg": 1, "call": 1, "return": 2}
        {"process": 2, "op": "Load", "key": "x", "call": 3, "return": 4, "ok": true, "value": 1}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("gosync-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Linearizable_history_exits_0()
    {
        var (code, stdout, _) = Run("check", File(Fine));
        code.Should().Be(ExitCode.Linearizable);
        stdout.Should().StartWith("Linearizable");
    }

    [Fact]
    public void Violating_history_exits_1_and_prints_the_timeline()
    {
        var (code, stdout, stderr) = Run("check", File(Violating));
        code.Should().Be(ExitCode.NotLinearizable);
        stdout.Should().Contain("NOT LINEARIZABLE").And.Contain("P1    [#1 Store(\"x\", 1)]").And.Contain("Could not place: P2 Load(\"x\") → absent");
        stderr.Should().BeEmpty();
    }

    [Fact]
    public void Pathological_history_exits_2_at_its_timeout()
    {
        using var w = new StringWriter();
        GoSync.Specs.HistoryJson.Write(PathologicalHistory.Build(40), w);
        var (code, stdout, _) = Run("check", File(w.ToString()), "--timeout", "0.2");
        code.Should().Be(ExitCode.Unknown);
        stdout.Should().StartWith("Unknown");
    }

    [Fact]
    public void Html_option_writes_a_self_contained_page()
    {
        var html = Path.Combine(_dir, "out.html");
        var (code, _, _) = Run("check", File(Violating), "--html", html);
        code.Should().Be(ExitCode.NotLinearizable);
        var page = System.IO.File.ReadAllText(html);
        page.Should().StartWith("<!DOCTYPE html>").And.Contain("Not linearizable").And.NotContain("<script").And.NotContain("http");
    }

    [Fact]
    public void Malformed_history_exits_64_naming_line_and_field_without_a_stack_trace()
    {
        var path = File(Fine + "\n{\"process\": 3, \"op\": \"Load\", \"key\": \"x\", \"call\": 5, \"return\": 6, \"ok\": \"yes\"}");
        var (code, stdout, stderr) = Run("check", path);
        code.Should().Be(ExitCode.BadInput);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"{path}:3: ok: expected true or false, found \"yes\"\n");
    }

    [Fact]
    public void Missing_file_exits_64()
    {
        var (code, _, stderr) = Run("check", Path.Combine(_dir, "nope.jsonl"));
        code.Should().Be(ExitCode.BadInput);
        stderr.Should().Be($"{Path.Combine(_dir, "nope.jsonl")}:0: file: no such file\n");
    }

    [Fact]
    public void Binary_garbage_exits_64()
    {
        var path = Path.Combine(_dir, "garbage.jsonl");
        System.IO.File.WriteAllBytes(path, [0xff, 0xfe, 0x00, 0x01, 0x7b, 0x0a]);
        var (code, _, stderr) = Run("check", path);
        code.Should().Be(ExitCode.BadInput);
        stderr.Should().Be($"{path}:1: line: not UTF-8 (byte 1 of the line)\n");
    }

    [Theory]
    [InlineData]
    [InlineData("check")]
    [InlineData("check", "-", "-")]
    [InlineData("check", "a.jsonl", "--timeout")]
    [InlineData("check", "a.jsonl", "--timeout", "soon")]
    [InlineData("check", "a.jsonl", "--timeout", "-1")]
    [InlineData("check", "a.jsonl", "--colour")]
    public void Bad_command_line_exits_64_with_usage(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        code.Should().Be(ExitCode.BadInput);
        stderr.Should().StartWith("gosync-check: ").And.Contain("usage: gosync-check <history.jsonl | folder | ->...");
    }

    [Fact]
    public void Dash_reads_standard_input()
    {
        var (code, _, _) = Run(["check", "-"], Violating);
        code.Should().Be(ExitCode.NotLinearizable);
    }

    [Fact]
    public void Help_prints_usage_and_exits_0()
    {
        var (code, stdout, _) = Run("--help");
        code.Should().Be(0);
        stdout.Should().Contain("exit codes (the worst over all files): 0 linearizable, 2 unknown (budget spent), 1 not linearizable, 64 bad input");
    }

    [Fact]
    public void Documented_examples_give_their_documented_output()
    {
        var examples = Path.Combine(RepositoryRoot(), "tools", "Check", "examples");

        Run("check", Path.Combine(examples, "linearizable.jsonl")).Code.Should().Be(ExitCode.Linearizable);
        var (code, stdout, _) = Run("check", Path.Combine(examples, "stale-load.jsonl"));
        code.Should().Be(ExitCode.NotLinearizable);
        stdout.Should().Be(System.IO.File.ReadAllText(Path.Combine(examples, "stale-load.txt")));
    }

    private static string RepositoryRoot() => GoSync.Runner.Repository.Locate().Root;

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => Run(args, null);

    private static (int Code, string Stdout, string Stderr) Run(string[] args, string? stdin)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = CheckCommand.Run(args, stdout, stderr, stdin is null ? null : new StringReader(stdin));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string File(string text)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".jsonl");
        System.IO.File.WriteAllText(path, text);
        return path;
    }
}
