using System.Diagnostics;
using System.Globalization;
using GoSync.Specs;

namespace GoSync.Tools.Check;

/// <summary>
/// <c>gosync-check [check] &lt;history.jsonl | folder | -&gt;... [--html path] [--timeout seconds]</c>: checks saved
/// histories in one process. One file: the verdict and, for a violation, the failing key's timeline. Several files or a
/// folder: one line per file and a summary table. Exits with the worst outcome: 64 bad input, then 1 not linearizable,
/// then 2 unknown, else 0.
/// </summary>
public static class CheckCommand
{
    /// <summary>The name the tool installs under.</summary>
    public const string Name = "gosync-check";

    /// <summary>The budget when <c>--timeout</c> is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: gosync-check <history.jsonl | folder | ->... [--html PATH] [--timeout SECONDS]

        Checks that histories of GoSync.Map operations (JSON Lines, one operation a line) are linearizable, all in one
        process. A folder stands for every *.jsonl under it; '-' reads standard input. For one file it prints the
        verdict and, for a violation, the failing key's timeline, the longest linearizable prefix and the operation
        that could not be placed. For several, one line per file and a summary (verdict counts, slowest file, total
        time). A history that cannot be read gives one line 'file:line: field: reason' on standard error (line 0 and
        field 'file' when the file as a whole is at fault).

          --html PATH        a folder: write PATH/<name>.html, a self-contained timeline, for each history that is not
                             linearizable; with one history and PATH ending in .html, write that file whatever the verdict
          --timeout SECONDS  time budget of each search (default 60); past it the verdict is unknown

        exit codes (the worst over all files): 0 linearizable, 2 unknown (budget spent), 1 not linearizable, 64 bad input
        (a history that cannot be read, or a bad command line); 70 is a fault of the command itself, never expected.
        A leading word 'check' is accepted and ignored.
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments; a leading <c>check</c> (the word the repository's scripts use) is ignored.</param>
    /// <param name="stdout">Where verdicts go.</param>
    /// <param name="stderr">Where complaints go.</param>
    /// <param name="stdin">What <c>-</c> reads; the console's standard input (as bytes, so UTF-8 is checked) when null.</param>
    /// <returns>The exit code, see <see cref="ExitCode"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            if (args is ["--help" or "-h"] or ["check", "--help" or "-h"])
            {
                stdout.WriteLine(Usage);
                return ExitCode.Linearizable;
            }

            if (!TryParse(args, out var options, out var problem))
            {
                stderr.WriteLine($"{Name}: {problem}");
                stderr.WriteLine(Usage);
                return ExitCode.BadInput;
            }

            return Execute(options, stdout, stderr, stdin);
        }
        catch (Exception e)
        {
            // Never a stack trace: one line that says what went wrong.
            stderr.WriteLine(Diagnostic.OneLine($"{Name}: internal error: {e.GetType().Name}: {e.Message}"));
            return ExitCode.InternalError;
        }
    }

    /// <summary>The worse of two exit codes: internal error (70), bad input, not linearizable, unknown, linearizable.</summary>
    /// <param name="a">An exit code.</param>
    /// <param name="b">Another.</param>
    /// <returns>The one that ranks worse.</returns>
    public static int Worst(int a, int b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(int code) => code switch
    {
        ExitCode.Linearizable => 0,
        ExitCode.Unknown => 1,
        ExitCode.NotLinearizable => 2,
        ExitCode.BadInput => 3,
        _ => 4,
    };

    private static int Execute(Options options, TextWriter stdout, TextWriter stderr, TextReader? stdin)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new List<Outcome>();
        var single = options.Inputs.Count == 1 && (options.Inputs[0] == "-" || !Directory.Exists(options.Inputs[0]));
        var code = ExitCode.Linearizable;
        foreach (var argument in options.Inputs)
        {
            if (!HistoryInput.Expand(argument, out var files, out var listing))
            {
                var outcome = new Outcome(argument, ExitCode.BadInput, 0, TimeSpan.Zero, listing);
                Report(outcome, single, stdout, stderr);
                outcomes.Add(outcome);
                code = Worst(code, outcome.Code);
                continue;
            }

            foreach (var file in files)
            {
                Outcome outcome;
                try
                {
                    outcome = CheckOne(file, options, single, stdout, stderr, stdin);
                }
                catch (Exception e) when (!single)
                {
                    // A fault of the command on one file: said in one line, and the other files are still checked.
                    stderr.WriteLine(Diagnostic.OneLine($"{Name}: internal error on {file}: {e.GetType().Name}: {e.Message}"));
                    outcome = new Outcome(file, ExitCode.InternalError, 0, TimeSpan.Zero, null);
                    stdout.WriteLine(Diagnostic.OneLine($"{Word(outcome.Code),-16} {file}  (see standard error)"));
                }

                outcomes.Add(outcome);
                code = Worst(code, outcome.Code);
            }
        }

        if (!single)
        {
            Summarise(outcomes, clock.Elapsed, stdout);
        }

        return code;
    }

    private static Outcome CheckOne(string file, Options options, bool single, TextWriter stdout, TextWriter stderr, TextReader? stdin)
    {
        var clock = Stopwatch.StartNew();
        var name = file == "-" ? HistoryInput.StandardInputName : file;
        var (history, problem) = file != "-"
            ? HistoryInput.Read(file)
            : stdin is not null ? HistoryInput.Parse(name, stdin.ReadToEnd()) : HistoryInput.Parse(name, ReadStandardInput());
        if (history is null)
        {
            var bad = new Outcome(name, ExitCode.BadInput, 0, clock.Elapsed, problem);
            Report(bad, single, stdout, stderr);
            return bad;
        }

        var result = LinearizabilityChecker.Check(history, options.Timeout);
        var code = result.Verdict switch
        {
            Verdict.Linearizable => ExitCode.Linearizable,
            Verdict.NotLinearizable => ExitCode.NotLinearizable,
            _ => ExitCode.Unknown,
        };
        string? html = null;
        if (options.Html is { } target && (single && target.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || code != ExitCode.Linearizable))
        {
            html = single && target.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? target : HtmlPath(target, name, options.Written);
            try
            {
                if (Path.GetDirectoryName(Path.GetFullPath(html)) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                }

                File.WriteAllText(html, HtmlTimeline.Render(history, result));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                var unwritable = new Outcome(name, ExitCode.BadInput, history.Operations.Count, clock.Elapsed,
                    new Diagnostic(html, 0, Diagnostic.WholeFile, $"cannot write the HTML timeline: {e.Message}"));
                Report(unwritable, single, stdout, stderr);
                return unwritable;
            }
        }

        var outcome = new Outcome(name, code, history.Operations.Count, clock.Elapsed, null, html);
        if (single)
        {
            stdout.Write(result.Explanation.EndsWith('\n') ? result.Explanation : result.Explanation + "\n");
            if (html is not null)
            {
                stdout.WriteLine($"HTML timeline written to {html}");
            }
        }
        else
        {
            Report(outcome, single, stdout, stderr);
        }

        return outcome;
    }

    private static byte[] ReadStandardInput()
    {
        using var input = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    // A failing file's timeline: <folder>/<file name without .jsonl>.html, made unique with -2, -3... when two inputs share a name.
    private static string HtmlPath(string folder, string input, HashSet<string> written)
    {
        var stem = input == HistoryInput.StandardInputName ? "stdin" : Path.GetFileNameWithoutExtension(input);
        var path = Path.Combine(folder, stem + ".html");
        for (var n = 2; written.Contains(Path.GetFullPath(path)); n++)
        {
            path = Path.Combine(folder, $"{stem}-{n}.html");
        }

        written.Add(Path.GetFullPath(path));
        return path;
    }

    private static void Report(Outcome outcome, bool single, TextWriter stdout, TextWriter stderr)
    {
        if (outcome.Problem is { } problem)
        {
            stderr.WriteLine(problem.ToString());
        }

        if (single)
        {
            return;
        }

        var detail = outcome.Problem is not null
            ? "see standard error"
            : $"{outcome.Operations} ops, {Milliseconds(outcome.Elapsed)}" + (outcome.Html is null ? string.Empty : $", timeline {outcome.Html}");
        stdout.WriteLine(Diagnostic.OneLine($"{Word(outcome.Code),-16} {outcome.Name}  ({detail})"));
    }

    private static void Summarise(List<Outcome> outcomes, TimeSpan total, TextWriter stdout)
    {
        stdout.WriteLine();
        stdout.WriteLine("verdict            files");
        foreach (var code in (int[])[ExitCode.Linearizable, ExitCode.NotLinearizable, ExitCode.Unknown, ExitCode.BadInput])
        {
            stdout.WriteLine($"{Word(code),-16} {outcomes.Count(o => o.Code == code),7}");
        }

        if (outcomes.Count(o => o.Code == ExitCode.InternalError) is > 0 and var faults)
        {
            stdout.WriteLine($"{Word(ExitCode.InternalError),-16} {faults,7}");
        }

        stdout.WriteLine($"{"total",-16} {outcomes.Count,7}");
        var checkedOnes = outcomes.Where(o => o.Problem is null && o.Code != ExitCode.InternalError).ToList();
        if (checkedOnes.Count > 0)
        {
            var slowest = checkedOnes.MaxBy(o => o.Elapsed)!;
            stdout.WriteLine(Diagnostic.OneLine($"slowest: {slowest.Name} ({Milliseconds(slowest.Elapsed)}, {slowest.Operations} ops)"));
        }

        stdout.WriteLine($"total time: {total.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s for {outcomes.Count} {(outcomes.Count == 1 ? "file" : "files")} in one process");
    }

    private static string Word(int code) => code switch
    {
        ExitCode.Linearizable => "linearizable",
        ExitCode.NotLinearizable => "NOT linearizable",
        ExitCode.Unknown => "unknown",
        ExitCode.BadInput => "bad input",
        _ => "internal error",
    };

    private static string Milliseconds(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static bool TryParse(string[] args, out Options options, out string problem)
    {
        var inputs = new List<string>();
        options = new Options(inputs, null, DefaultTimeout, new HashSet<string>(StringComparer.Ordinal));
        problem = string.Empty;
        var start = args is ["check", ..] ? 1 : 0;
        for (var i = start; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--html" when i + 1 < args.Length:
                    options = options with { Html = args[++i] };
                    break;
                case "--timeout" when i + 1 < args.Length:
                    if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                        || !double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
                    {
                        problem = $"--timeout: '{args[i]}' is not a positive number of seconds";
                        return false;
                    }

                    options = options with { Timeout = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--html" or "--timeout":
                    problem = $"{args[i]} needs a value";
                    return false;
                case var a when a.StartsWith("--", StringComparison.Ordinal):
                    problem = $"unknown option '{a}'";
                    return false;
                case "-" when inputs.Contains("-"):
                    problem = "standard input ('-') can be read once only";
                    return false;
                case var a:
                    inputs.Add(a);
                    break;
            }
        }

        if (inputs.Count == 0)
        {
            problem = "no history file";
            return false;
        }

        return true;
    }

    // Written: the timelines this run has written, so that two inputs of the same name do not overwrite each other's.
    private sealed record Options(IReadOnlyList<string> Inputs, string? Html, TimeSpan Timeout, HashSet<string> Written);

    private sealed record Outcome(string Name, int Code, int Operations, TimeSpan Elapsed, Diagnostic? Problem, string? Html = null);
}
