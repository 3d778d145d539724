using System.Globalization;
using GoSync.Specs;

namespace GoSync.Tools.Check;

/// <summary>
/// <c>check &lt;history.jsonl&gt; [--html out.html] [--timeout seconds]</c>: checks a saved history, prints the verdict
/// (for a violation, the failing key's timeline) and exits 0 linearizable, 1 not linearizable, 2 unknown, 64 bad input.
/// </summary>
public static class CheckCommand
{
    /// <summary>The budget when <c>--timeout</c> is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: check <history.jsonl> [--html out.html] [--timeout seconds]

        Checks that a history of GoSync.Map operations (JSON Lines, one operation a line; '-' reads standard input) is
        linearizable. Prints the verdict; for a violation, the failing key's timeline, the longest linearizable prefix
        and the operation that could not be placed.

          --html FILE        also write a self-contained HTML timeline of the history and its verdict
          --timeout SECONDS  time budget of the search (default 60); past it the verdict is unknown

        exit codes: 0 linearizable, 1 not linearizable, 2 unknown (budget spent), 64 bad input
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments, starting with <c>check</c>.</param>
    /// <param name="stdout">Where the verdict goes.</param>
    /// <param name="stderr">Where complaints go.</param>
    /// <param name="stdin">What <c>-</c> reads; the console's standard input when null.</param>
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
                stderr.WriteLine($"check: {problem}");
                stderr.WriteLine(Usage);
                return ExitCode.BadInput;
            }

            return Execute(options, stdout, stderr, stdin);
        }
        catch (Exception e)
        {
            // Never a stack trace: one line that says what went wrong.
            stderr.WriteLine($"check: internal error: {e.GetType().Name}: {e.Message}");
            return ExitCode.InternalError;
        }
    }

    private static int Execute(Options options, TextWriter stdout, TextWriter stderr, TextReader? stdin)
    {
        History history;
        try
        {
            if (options.Input == "-")
            {
                history = HistoryJson.Read(stdin ?? Console.In);
            }
            else
            {
                using var reader = File.OpenText(options.Input);
                history = HistoryJson.Read(reader);
            }
        }
        catch (HistoryFormatException e)
        {
            stderr.WriteLine($"check: {options.Input}: {e.Message}");
            return ExitCode.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"check: cannot read '{options.Input}': {e.Message}");
            return ExitCode.BadInput;
        }

        var result = LinearizabilityChecker.Check(history, options.Timeout);
        stdout.Write(result.Explanation.EndsWith('\n') ? result.Explanation : result.Explanation + "\n");
        if (options.Html is not null)
        {
            try
            {
                File.WriteAllText(options.Html, HtmlTimeline.Render(history, result));
                stdout.WriteLine($"HTML timeline written to {options.Html}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"check: cannot write '{options.Html}': {e.Message}");
                return ExitCode.BadInput;
            }
        }

        return result.Verdict switch
        {
            Verdict.Linearizable => ExitCode.Linearizable,
            Verdict.NotLinearizable => ExitCode.NotLinearizable,
            _ => ExitCode.Unknown,
        };
    }

    private static bool TryParse(string[] args, out Options options, out string problem)
    {
        options = new Options(string.Empty, null, DefaultTimeout);
        problem = string.Empty;
        if (args.Length == 0 || args[0] != "check")
        {
            problem = args.Length == 0 ? "no command" : $"unknown command '{args[0]}'";
            return false;
        }

        string? input = null;
        for (var i = 1; i < args.Length; i++)
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
                case var a when input is null:
                    input = a;
                    break;
                default:
                    problem = $"one history file only, not also '{args[i]}'";
                    return false;
            }
        }

        if (input is null)
        {
            problem = "no history file";
            return false;
        }

        options = options with { Input = input };
        return true;
    }

    private sealed record Options(string Input, string? Html, TimeSpan Timeout);
}
