using System.Globalization;
using GoSync.Systematic.Infrastructure;
using GoSync.Systematic.Scenarios;
using GoSync.Tooling;

namespace GoSync.Systematic;

/// <summary>
/// The harness process the runner starts: <c>dotnet GoSync.Systematic.Tests.dll explore REQUEST.json</c> explores (or
/// replays) one harness under Coyote's testing engine, as <c>dotnet coyote test</c> would, and writes Coyote's figures
/// as an <see cref="ExplorationResult"/> to the request's result path. <c>dotnet test</c> never calls this.
/// </summary>
public static class HarnessProcess
{
    public static int Main(string[] args)
    {
        if (args is ["shrink", var shrinkPath])
        {
            var shrink = ShrinkRequest.Read(shrinkPath);
            ShrinkProcess.Run(shrink).Write(shrink.ResultPath);
            return 0;
        }

        if (args is not ["explore", var requestPath])
        {
            Console.Error.WriteLine("usage: dotnet GoSync.Systematic.Tests.dll explore|shrink REQUEST.json (the runner writes the request)");
            return 64;
        }

        var request = ExplorationRequest.Read(requestPath);
        var trace = request.ReplayTrace is { } path ? File.ReadAllText(path) : null;
        Action<int>? progress = request.ShowProgress ? ShowMilestone : null;
        var result = SystematicRun.Run(request.Harness, SystematicSettings.From(request.Exploration), trace, request.ReportDirectory, progress);
        result.Write(request.ResultPath);
        return 0;
    }

    /// <summary>Prints iterations 1, 100, 200, ...: enough to see a long exploration move.</summary>
    private static void ShowMilestone(int iteration)
    {
        if (iteration == 1 || iteration % 100 == 0)
        {
            Console.Out.Write(" " + iteration.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();
        }
    }
}
