using System.Diagnostics;
using System.Text;

namespace GoSync.Runner;

/// <summary>The outcome of a child process: its exit code and everything it printed, in order.</summary>
internal sealed record ShellResult(int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut);

/// <summary>Runs child processes (dotnet, git) with their output streamed line by line.</summary>
internal static class Shell
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/>, calling
    /// <paramref name="onLine"/> for each line it prints; kills it (and its children) after <paramref name="timeout"/>.
    /// With <paramref name="inheritOutput"/> it prints to this console instead, and nothing is collected.
    /// </summary>
    public static ShellResult Run(
        string file,
        IEnumerable<string> arguments,
        string directory,
        Action<string>? onLine = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        bool inheritOutput = false)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = !inheritOutput,
            RedirectStandardError = !inheritOutput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var gate = new object();
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                output.AppendLine(line);
                onLine?.Invoke(line);
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Start();
        if (!inheritOutput)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        var timedOut = !process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan);
        if (timedOut)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit(); // drains the output handlers
        return new ShellResult(timedOut ? -1 : process.ExitCode, inheritOutput ? "(printed above)" : output.ToString(), clock.Elapsed, timedOut);
    }

    /// <summary>Runs a command that must succeed; throws with its output when it does not.</summary>
    public static ShellResult Must(string file, IEnumerable<string> arguments, string directory, string what)
    {
        var list = arguments.ToList();
        var result = Run(file, list, directory);
        if (result.ExitCode != 0)
        {
            throw new RunnerException($"{what} failed (exit {result.ExitCode}): {file} {string.Join(' ', list)}\n{result.Output}");
        }

        return result;
    }
}

/// <summary>A failure of the runner's own machinery (a build, a patch), as opposed to a bug found in the map.</summary>
internal sealed class RunnerException(string message) : Exception(message);
