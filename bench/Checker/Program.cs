using BenchmarkDotNet.Running;
using GoSync.Bench.Checker;

// dotnet run -c Release --project bench/Checker                  BenchmarkDotNet, all three workloads
// dotnet run -c Release --project bench/Checker -- --quick [N]   Stopwatch, N runs each (default 20)
if (args.Length > 0 && args[0] == "--quick")
{
    QuickRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CheckerBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args);
