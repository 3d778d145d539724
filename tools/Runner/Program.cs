using System.CommandLine;
using GoSync.Runner;
using GoSync.Tooling;

// The GoSync runner: the systematic-testing main job, the seeded-bug catalogue, and their helpers.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 200; // CI logs: keep each table row on one line
}

var iterations = new Option<int>("--iterations", "-i") { Description = "Iterations per harness at most.", DefaultValueFactory = _ => 1000 };
var strategy = new Option<string>("--strategy", "-s")
{
    Description = $"Coyote strategy: {Strategies.Described}.",
    DefaultValueFactory = _ => Strategies.Default,
};
strategy.AcceptOnlyFromAmong(Strategies.All);
var maxSteps = new Option<int?>("--max-steps") { Description = "Scheduling steps per iteration at most (Coyote's default: 10000)." };
var seed = new Option<uint?>("--seed") { Description = "Random seed, for a run that repeats exactly." };
var harness = new Option<string[]>("--harness", "-m") { Description = "Run only these harnesses (repeatable).", AllowMultipleArgumentsPerToken = true };

var harnesses = new Command("harnesses", "Build, rewrite and explore every Coyote harness under Coyote's testing engine; exit 1 when a bug is found.")
{
    iterations, strategy, maxSteps, seed, harness,
};
harnesses.SetAction(r => Guard(() => HarnessesCommand.Run(
    Repository.Locate(),
    new Exploration(r.GetValue(strategy)!, r.GetValue(iterations), r.GetValue(maxSteps), r.GetValue(seed)),
    r.GetValue(harness) ?? [])));

var strategies = new Option<string[]>("--strategy", "-s")
{
    Description = $"Strategies to measure, each in turn (repeatable): {Strategies.Described}.",
    DefaultValueFactory = _ => [Strategies.Default],
    AllowMultipleArgumentsPerToken = true,
};
strategies.AcceptOnlyFromAmong(Strategies.All);
var stressSeconds = new Option<int>("--stress-seconds")
{
    Description = "Also run each mutant on real threads (no Coyote) for this many seconds, split over the harnesses; Coyote gets the same limit per harness. 0: no stress run.",
    DefaultValueFactory = _ => 0,
};
var mutantNames = new Option<string[]>("--mutant") { Description = "Only the mutants whose names contain these (repeatable).", AllowMultipleArgumentsPerToken = true };
var report = new Option<string?>("--report") { Description = "Write the measured table as markdown to this path (e.g. docs/bug-finding.md)." };
var mutantIterations = new Option<int>("--iterations", "-i") { Description = "Iterations per harness at most.", DefaultValueFactory = _ => 1000 };
var mutants = new Command("mutants", "Apply each seeded bug in tests/Mutants to a scratch copy, build, rewrite and run the harnesses until one catches it; exit 1 if any escapes.")
{
    strategies, mutantIterations, stressSeconds, mutantNames, report, seed,
};
mutants.SetAction(r => Guard(() => MutantsCommand.Run(Repository.Locate(), new MutantOptions(
    r.GetValue(strategies)!, r.GetValue(mutantIterations), r.GetValue(stressSeconds), r.GetValue(mutantNames) ?? [], r.GetValue(report), r.GetValue(seed)))));

var times = new Option<int>("--times") { Description = "Replays per fixture.", DefaultValueFactory = _ => 3 };
var replayFixtures = new Command("replay-fixtures", "Replay every committed trace in tests/Mutants/fixtures against its mutant; exit 1 unless each reproduces its expected failure.")
{
    times,
};
replayFixtures.SetAction(r => Guard(() => FixtureReplay.Command(Repository.Locate(), r.GetValue(times))));

var traceIterations = new Option<int>("--iterations", "-i") { Description = "Iterations (traces) per harness.", DefaultValueFactory = _ => 5 };
var traceHarness = new Option<string[]>("--harness", "-m") { Description = "Record only these harnesses (repeatable).", AllowMultipleArgumentsPerToken = true };
var traceSeed = new Option<uint>("--seed") { Description = "Coyote's random seed (the same seed records the same traces).", DefaultValueFactory = _ => 1 };
var traceMutants = new Option<bool>("--mutants") { Description = "Run every seeded bug (tests/Mutants) and divergence (tests/Mutants/divergences) through its harness instead, and tell who caught each." };
var traceOnly = new Option<string[]>("--mutant") { Description = "With --mutants: only the patches whose names contain these (repeatable).", AllowMultipleArgumentsPerToken = true };
var traceReport = new Option<string?>("--report") { Description = "Write the results as JSON to this path (default artifacts/traces/validation.json or mutants.json)." };
var validateTraces = new Command("validate-traces", "Record step logs from the harnesses and check each against the TLA+ model with TLC (TLA2TOOLS_JAR; without it, well-formedness only); exit 1 on a rejected or malformed trace.")
{
    traceIterations, traceHarness, traceSeed, traceMutants, traceOnly, traceReport,
};
validateTraces.SetAction(r => Guard(() => ValidateTracesCommand.Run(Repository.Locate(), new ValidateOptions(
    r.GetValue(traceHarness) ?? [], r.GetValue(traceIterations), r.GetValue(traceSeed), r.GetValue(traceMutants), r.GetValue(traceOnly) ?? [], r.GetValue(traceReport)))));

var assemblyOption = new Option<string>("--assembly") { Required = true };
var harnessOption = new Option<string>("--harness") { Required = true };
var secondsOption = new Option<double>("--seconds") { Required = true };
var resultOption = new Option<string>("--result") { Required = true, Description = "Where to write the JSON result." };
var stressWorker = new Command("stress-worker", "Internal: run one harness on real threads until it fails or the time is up.")
{
    assemblyOption, harnessOption, secondsOption, resultOption,
};
stressWorker.Hidden = true;
stressWorker.SetAction(r => StressWorker.Run(r.GetValue(assemblyOption)!, r.GetValue(harnessOption)!, r.GetValue(secondsOption), r.GetValue(resultOption)!));

var root = new RootCommand("GoSync runner: systematic tests of SyncMap with Coyote.") { harnesses, mutants, replayFixtures, validateTraces, stressWorker };
return root.Parse(args).Invoke();

static int Guard(Func<int> action)
{
    try
    {
        return action();
    }
    catch (RunnerException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 3;
    }
}
