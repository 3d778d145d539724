using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using GoSync.Specs;
using GoSync.Specs.Generation;
using GoSync.Tools.Check;

namespace GoSync.Tests.Specs;

/// <summary>
/// Whatever a history file holds, <c>gosync-check</c> answers with a verdict (exit 0, 1 or 2, nothing on standard error)
/// or with exactly one line <c>file:line: field: reason</c> on standard error and exit 64: never a stack trace, never an
/// internal error. The files are valid histories mutated byte by byte and line by line.
/// </summary>
public sealed partial class CheckCommandMutationPropertyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gosync-mutate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Valid histories to start from: the documented examples and small simulated runs (some with pending calls).
    private static readonly Gen<byte[]> ValidHistories = Gen.OneOf(
        Gen.Const(0).Select(_ => Example("linearizable.jsonl")),
        Gen.Const(0).Select(_ => Example("stale-load.jsonl")),
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 12], Gen.Int[1, 3], Gen.Int[0, int.MaxValue])
            .Select((p, n, k, seed) => Serialise(SimulatedHistory.Generate(new SimulationOptions(p, n, k, 3, PendingChance: 0.2), seed))));

    // Bytes and fragments a mutation splices in: JSON punctuation, line breaks, control and non-UTF-8 bytes, numbers
    // too large for any integer, other types, an unknown operation and an unknown field.
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "\"", ",", ":", "\n", "\r", "\r\n", "\0", "\\", "null", "true", "false", "\"x\"", "-1", "0", "1.5",
        "1e400", "-1e400", "99999999999999999999999", "4294967296", "9223372036854775808", "\"Frobnicate\"", "\"Load\"",
        "\"id\": 1, ", "\"process\": 1, ", "\"return\": null, ", "\"visited\": [[\"x\", 1]], ", "{}", "[]", "é", "\U0001F600",
    ];

    private static readonly byte[][] RawBytes = [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x80], [0xF4, 0x90, 0x80, 0x80]];

    private static readonly Gen<Func<byte[], byte[]>> ByteMutation = Gen.OneOf(
        Gen.Int[0, 1 << 20].Select<int, Func<byte[], byte[]>>(at => b => b.Length == 0 ? b : [.. b[..(at % b.Length)], .. b[(at % b.Length + 1)..]]),
        Gen.Select(Gen.Int[0, 1 << 20], Gen.Byte).Select<int, byte, Func<byte[], byte[]>>((at, x) => b => Insert(b, at, [x])),
        Gen.Select(Gen.Int[0, 1 << 20], Gen.Byte).Select<int, byte, Func<byte[], byte[]>>((at, x) => b => b.Length == 0 ? b : [.. b[..(at % b.Length)], x, .. b[(at % b.Length + 1)..]]),
        Gen.Select(Gen.Int[0, 1 << 20], Gen.Int[0, RawBytes.Length - 1]).Select<int, int, Func<byte[], byte[]>>((at, i) => b => Insert(b, at, RawBytes[i])),
        Gen.Select(Gen.Int[0, 1 << 20], Gen.Int[0, Fragments.Length - 1]).Select<int, int, Func<byte[], byte[]>>((at, i) => b => Insert(b, at, Encoding.UTF8.GetBytes(Fragments[i]))),
        Gen.Int[0, 1 << 20].Select<int, Func<byte[], byte[]>>(at => b => b[..(at % (b.Length + 1))]));

    private static readonly Gen<Func<byte[], byte[]>> LineMutation = Gen.OneOf(
        Gen.Int[0, 1 << 20].Select<int, Func<byte[], byte[]>>(at => b => OnLines(b, l => l.RemoveAt(at % l.Count))),
        Gen.Int[0, 1 << 20].Select<int, Func<byte[], byte[]>>(at => b => OnLines(b, l => l.Insert(at % l.Count, l[at % l.Count]))),
        Gen.Select(Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20]).Select<int, int, Func<byte[], byte[]>>((i, j) => b => OnLines(b, l => (l[i % l.Count], l[j % l.Count]) = (l[j % l.Count], l[i % l.Count]))),
        Gen.Select(Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20]).Select<int, int, Func<byte[], byte[]>>((i, cut) => b => OnLines(b, l => l[i % l.Count] = l[i % l.Count][..(cut % (l[i % l.Count].Length + 1))])),
        Gen.Select(Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.Int[0, Fragments.Length - 1]).Select<int, int, int, Func<byte[], byte[]>>((i, v, f) => b => OnLines(b, l => l[i % l.Count] = ReplaceValue(l[i % l.Count], v, Fragments[f]))),
        Gen.Int[0, 1 << 20].Select<int, Func<byte[], byte[]>>(at => b => OnLines(b, l => l.Insert(at % (l.Count + 1), Encoding.UTF8.GetBytes("   ")))));

    [Fact]
    public void Histories_mutated_byte_by_byte_give_a_verdict_or_one_diagnostic_line_and_exit_64()
    {
        var codes = new List<int>();
        Gen.Select(ValidHistories, ByteMutation.Array[1, 4])
            .Sample(x => codes.Add(AssertVerdictOrDiagnostic(x.Item2.Aggregate(x.Item1, (b, m) => m(b)))), iter: 1500, threads: 1);

        // The mutations reach both sides: some still parse and get a verdict, some are rejected.
        codes.Should().Contain(ExitCode.BadInput).And.Contain(c => c != ExitCode.BadInput);
    }

    [Fact]
    public void Histories_mutated_line_by_line_give_a_verdict_or_one_diagnostic_line_and_exit_64()
    {
        var codes = new List<int>();
        Gen.Select(ValidHistories, LineMutation.Array[1, 4])
            .Sample(x => codes.Add(AssertVerdictOrDiagnostic(x.Item2.Aggregate(x.Item1, (b, m) => m(b)))), iter: 1500, threads: 1);

        codes.Should().Contain(ExitCode.BadInput).And.Contain(ExitCode.Linearizable).And.Contain(ExitCode.NotLinearizable);
    }

    [Fact]
    public void Batch_of_mutated_histories_gives_one_line_per_file_and_the_worst_exit_code() =>
        Gen.Select(ValidHistories, Gen.OneOf(ByteMutation, LineMutation).Array[0, 2]).Array[2, 5]
            .Sample(
                files =>
                {
                    var folder = Directory.CreateDirectory(Path.Combine(_dir, "batch-" + Guid.NewGuid().ToString("N"))).FullName;
                    var singles = files.Select((f, i) =>
                    {
                        var path = Path.Combine(folder, $"{i}.jsonl");
                        File.WriteAllBytes(path, f.Item2.Aggregate(f.Item1, (b, m) => m(b)));
                        return CheckCommand.Run(["check", path, "--timeout", "2"], TextWriter.Null, TextWriter.Null);
                    }).ToList();

                    var (code, stdout, stderr) = Run(folder, "--timeout", "2");

                    code.Should().Be(singles.Aggregate(ExitCode.Linearizable, CheckCommand.Worst));
                    stdout.Split('\n').Count(l => l.Contains(".jsonl  (", StringComparison.Ordinal)).Should().Be(files.Length);
                    var diagnostics = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    diagnostics.Should().HaveCount(singles.Count(c => c == ExitCode.BadInput), stderr);
                    diagnostics.Where(l => !DiagnosticLine().IsMatch(l)).Should().BeEmpty("each is 'file:line: field: reason'");
                },
                iter: 60,
                threads: 1);

    private int AssertVerdictOrDiagnostic(byte[] content)
    {
        var path = Path.Combine(_dir, "h.jsonl");
        File.WriteAllBytes(path, content);

        var (code, stdout, stderr) = Run(path, "--timeout", "2");

        var shown = $"exit {code}\nstdout: {stdout}\nstderr: {stderr}\ninput (base64): {Convert.ToBase64String(content)}\ninput: {Encoding.UTF8.GetString(content)}";
        stderr.Should().NotContain("   at ", shown);
        if (code == ExitCode.BadInput)
        {
            stdout.Should().BeEmpty(shown);
            stderr.Should().EndWith("\n", shown);
            stderr.Count(c => c == '\n').Should().Be(1, shown);
            stderr.Should().StartWith(path + ":", shown);
            DiagnosticLine().IsMatch(stderr[..^1]).Should().BeTrue($"'file:line: field: reason' is the form; {shown}");
        }
        else
        {
            code.Should().BeOneOf([ExitCode.Linearizable, ExitCode.NotLinearizable, ExitCode.Unknown], shown);
            stderr.Should().BeEmpty(shown);
            stdout.Should().MatchRegex("^(Linearizable|NOT LINEARIZABLE|Unknown)", shown);
        }

        return code;
    }

    // The field: an identifier, or a JSON string when the field's name is not one.
    [GeneratedRegex(@"^[^\n]+:\d+: ([A-Za-z_][A-Za-z0-9_]*|""([^""\\\n]|\\.)*""): \S[^\n]*$")]
    private static partial Regex DiagnosticLine();

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = CheckCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static byte[] Insert(byte[] b, int at, byte[] what)
    {
        var i = at % (b.Length + 1);
        return [.. b[..i], .. what, .. b[i..]];
    }

    private static byte[] OnLines(byte[] content, Action<List<byte[]>> change)
    {
        var lines = Split(content);
        if (lines.Count > 0)
        {
            change(lines);
        }

        return [.. lines.SelectMany(l => (byte[])[.. l, (byte)'\n'])];
    }

    private static List<byte[]> Split(byte[] content)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '\n')
            {
                lines.Add(content[start..i]);
                start = i + 1;
            }
        }

        if (start < content.Length)
        {
            lines.Add(content[start..]);
        }

        return lines;
    }

    // Replaces the value of the n-th field of a line ("field": VALUE) with a fragment: a wrong type, a huge number...
    private static byte[] ReplaceValue(byte[] line, int n, string fragment)
    {
        var text = Encoding.UTF8.GetString(line);
        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToList();
        if (colons.Count == 0)
        {
            return line;
        }

        var start = colons[n % colons.Count] + 1;
        var end = start;
        var depth = 0;
        while (end < text.Length && (depth > 0 || (text[end] != ',' && text[end] != '}')))
        {
            depth += text[end] == '[' ? 1 : text[end] == ']' ? -1 : 0;
            end++;
        }

        return Encoding.UTF8.GetBytes(text[..start] + " " + fragment + text[end..]);
    }

    private static byte[] Example(string name) =>
        File.ReadAllBytes(Path.Combine(SpecsRoot(), "tools", "Check", "examples", name));

    private static string SpecsRoot() => GoSync.Tests.Packages.SpecsReadmeExampleTests.RepositoryRoot();

    private static byte[] Serialise(History history)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        HistoryJson.Write(history, writer);
        return Encoding.UTF8.GetBytes(writer.ToString());
    }
}
