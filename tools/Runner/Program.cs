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

var coverageIterations = new Option<int>("--iterations", "-i") { Description = "Coyote iterations per harness.", DefaultValueFactory = _ => 200 };
var coverageSeed = new Option<uint>("--seed") { Description = "The exploration's seed.", DefaultValueFactory = _ => 1 };
var skip = new Option<string[]>("--skip-harness") { Description = "Leave these harnesses out (repeatable).", AllowMultipleArgumentsPerToken = true };
var coverageReport = new Option<string?>("--report") { Description = "Write the per-method table as markdown to this path (e.g. docs/coverage.md)." };
var coverageCommand = new Command("coverage", "Line and branch coverage of src/Map reached by the harnesses alone; exit 1 on a path no racing harness reaches or an unexplained gap.")
{
    coverageIterations, coverageSeed, skip, coverageReport,
};
coverageCommand.SetAction(r => Guard(() => CoverageCommand.Run(Repository.Locate(),
    new CoverageOptions(r.GetValue(coverageIterations), r.GetValue(coverageSeed), r.GetValue(skip) ?? [], r.GetValue(coverageReport)))));

var shrinkMutants = new Option<string[]>("--mutant") { Description = "The mutants whose names contain these (repeatable).", AllowMultipleArgumentsPerToken = true };
var searchIterations = new Option<int>("--search-iterations") { Description = "Iterations of RandomOperations to find a failing scenario.", DefaultValueFactory = _ => 3000 };
var candidateIterations = new Option<int>("--iterations", "-i") { Description = "Iterations per candidate scenario.", DefaultValueFactory = _ => 200 };
var shrinkSeed = new Option<uint>("--seed") { Description = "The explorations' seed.", DefaultValueFactory = _ => 1 };
var shrinkReport = new Option<string?>("--report") { Description = "Write the scenarios as markdown to this path (e.g. docs/shrinking.md)." };
var shrinkCommand = new Command("shrink", "Shrink RandomOperations' failing scenario on each mutant named to a minimal one: a harness method to paste, its JSON and its trace.")
{
    shrinkMutants, searchIterations, candidateIterations, shrinkSeed, shrinkReport,
};
shrinkCommand.SetAction(r => Guard(() => ShrinkCommand.Run(Repository.Locate(), new ShrinkOptions(
    r.GetValue(shrinkMutants) ?? [], r.GetValue(searchIterations), r.GetValue(candidateIterations), r.GetValue(shrinkSeed), r.GetValue(shrinkReport)))));

var matrixMutants = new Option<string[]>("--mutant") { Description = "Only the mutants whose names contain these (repeatable); default: all.", AllowMultipleArgumentsPerToken = true };
var matrixSeconds = new Option<int>("--seconds") { Description = "Wall-clock seconds per Coyote strategy on the named harness, and for stress.", DefaultValueFactory = _ => 4 };
var depthSeconds = new Option<int>("--depth-seconds") { Description = "Seconds per priority-change bound.", DefaultValueFactory = _ => 3 };
var maxBound = new Option<int>("--max-bound") { Description = "The largest priority-change bound tried for the depth.", DefaultValueFactory = _ => 3 };
var matrixSeed = new Option<uint>("--seed") { Description = "The explorations' seed.", DefaultValueFactory = _ => 1 };
var parallel = new Option<int>("--parallel") { Description = "Mutants measured at once.", DefaultValueFactory = _ => 1 };
var tlcJar = new Option<string?>("--tlc-jar") { Description = "tla2tools.jar: run TLC on each mutant's TLA+ twin (else the column says TLC not run)." };
var tlcSeconds = new Option<int>("--tlc-seconds") { Description = "Seconds per TLC run.", DefaultValueFactory = _ => 300 };
var matrixReport = new Option<string?>("--report") { Description = "Write the matrix as markdown to this path (docs/bug-finding.md)." };
var reuseBuilds = new Option<bool>("--reuse-builds") { Description = "Use the base builds an earlier matrix run left in its scratch folder." };
var matrixCommand = new Command("matrix", "The full detection matrix: unit tests, stress, each Coyote strategy, the check that fired, depth and TLC for every mutant (not run by CI).")
{
    matrixMutants, matrixSeconds, depthSeconds, maxBound, matrixSeed, parallel, tlcJar, tlcSeconds, matrixReport, reuseBuilds,
};
matrixCommand.SetAction(r => Guard(() => MatrixCommand.Run(Repository.Locate(), new MatrixOptions(
    r.GetValue(matrixMutants) ?? [], r.GetValue(matrixSeconds), r.GetValue(depthSeconds), r.GetValue(maxBound), r.GetValue(matrixSeed),
    r.GetValue(parallel), r.GetValue(tlcJar), r.GetValue(tlcSeconds), r.GetValue(matrixReport), r.GetValue(reuseBuilds)))));

var root = new RootCommand("GoSync runner: systematic tests of SyncMap with Coyote.") { harnesses, mutants, replayFixtures, validateTraces, coverageCommand, shrinkCommand, matrixCommand, stressWorker };
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
