using GoSync.Benchmarks.Maps;
using GoSync.Benchmarks.Workloads;

namespace GoSync.Benchmarks.Suite;

/// <summary>What one run of the suite measures, from the command line.</summary>
internal sealed record SuiteOptions
{
    /// <summary>The workloads of short mode: the read-mostly ones, one of each write kind, and the adversarial one.</summary>
    public static readonly IReadOnlyList<string> ShortWorkloads =
    [
        nameof(LoadMostlyHits), nameof(LoadMostlyMisses), nameof(GoSync.Benchmarks.Workloads.Range), nameof(LoadOrStoreBalanced),
        nameof(SwapMostlyHits), nameof(CompareAndSwapMostlyHits), nameof(AdversarialAlloc),
    ];

    /// <summary>
    /// The workloads the type matrix covers by default: the read-mostly ones, a store over existing keys
    /// (SwapMostlyHits) and a store of new keys (LoadOrStoreBalanced).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultTypeWorkloads =
    [
        nameof(LoadMostlyHits), nameof(LoadMostlyMisses), nameof(LoadOrStoreCollision), nameof(GoSync.Benchmarks.Workloads.Range),
        nameof(SwapMostlyHits), nameof(LoadOrStoreBalanced),
    ];

    public const string Usage =
        """
        GoSync benchmarks: Go's sync.Map benchmarks over SyncMap and the maps a .NET user would otherwise pick.

        dotnet run -c Release --project bench -- [options]

          --short              the short mode: a few workloads, a short job (minutes on 2 cores)
          --workers 1,2,4      worker counts (default: 1, 2 and the number of cores, without repeats)
          --workloads A,B      workloads by Go's name without "Benchmark" (default: all 24, or the short set)
          --maps A,B           maps (default: all): SyncMap, ConcurrentDictionary, NonBlocking,
                               RwLockDictionary, LockDictionary, CopyOnWrite; and SyncMapBaseline, SyncMap
                               at the commit bench/Baseline builds (before and after in one run), and
                               ConcurrentDictionaryRandomized (string keys hashed as SyncMap hashes them)
          --types A,B          key/value type pairs (default: all 8, or long/ref in short mode): keys long, int,
                               string, Guid; values ref (an object) or int, e.g. string/int. Every workload and
                               map runs with Go's long/ref; the other pairs run SyncMap and ConcurrentDictionary
          --type-workloads A,B the workloads the other pairs run (default: LoadMostlyHits, LoadMostlyMisses,
                               LoadOrStoreCollision, Range, SwapMostlyHits, LoadOrStoreBalanced); "all": every one
          --job short|full     the measurement job alone (default: short with --short, else full)
          --artifacts DIR      where BenchmarkDotNet and the suite write results (default: BenchmarkDotNet.Artifacts)
          --attacks            only time hash-flooding key sets against ConcurrentDictionary, and exit
          --anatomy            only time lock-free loads by key order and value type against ConcurrentDictionary, and exit
          --check-allocations  only check that allocations on worker threads are counted, and exit
          --list               print the selected cases and exit
          --help               print this and exit
        """;

    public bool ShortJob { get; init; }

    public IReadOnlyList<string> Workloads { get; init; } = WorkloadCatalog.All.Select(w => w.Name).ToArray();

    /// <summary>The key and value type pairs (<see cref="TypePairs"/>).</summary>
    public IReadOnlyList<string> Types { get; init; } = TypePairs.All;

    /// <summary>The workloads that run with pairs other than Go's.</summary>
    public IReadOnlyList<string> TypeWorkloads { get; init; } = DefaultTypeWorkloads;

    /// <summary>The six compared maps; the two measuring aids only when named.</summary>
    public IReadOnlyList<MapKind> Maps { get; init; } = Enum.GetValues<MapKind>()
        .Where(m => m is not (MapKind.SyncMapBaseline or MapKind.ConcurrentDictionaryRandomized)).ToArray();

    public IReadOnlyList<int> Workers { get; init; } = DefaultWorkers();

    public string ArtifactsPath { get; init; } = "BenchmarkDotNet.Artifacts";

    public bool CheckAllocations { get; init; }

    public bool Attacks { get; init; }

    public bool Anatomy { get; init; }

    public bool ListOnly { get; init; }

    public bool HelpOnly { get; init; }

    /// <summary>1, 2 and all cores, as the issue asks (on 2 cores: 1 and 2).</summary>
    public static IReadOnlyList<int> DefaultWorkers() =>
        new[] { 1, 2, Environment.ProcessorCount }.Distinct().Order().ToArray();

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> with the reason when it is wrong.</summary>
    public static SuiteOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SuiteOptions();
        bool? shortJob = null;
        var shortMode = false;
        IReadOnlyList<string>? workloads = null;
        IReadOnlyList<string>? types = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--short":
                    shortMode = true;
                    break;
                case "--workers":
                    options = options with { Workers = ParseWorkers(Value()) };
                    break;
                case "--workloads":
                    workloads = Split(Value()).Select(n => WorkloadCatalog.Get(n).Name).Distinct().ToArray();
                    break;
                case "--types":
                    types = Split(Value()).Select(ParseTypes).Distinct().ToArray();
                    break;
                case "--type-workloads":
                    var named = Value();
                    options = options with
                    {
                        TypeWorkloads = named == "all"
                            ? WorkloadCatalog.All.Select(w => w.Name).ToArray()
                            : Split(named).Select(n => WorkloadCatalog.Get(n).Name).Distinct().ToArray(),
                    };
                    break;
                case "--maps":
                    options = options with { Maps = Split(Value()).Select(ParseMap).Distinct().ToArray() };
                    break;
                case "--job":
                    shortJob = Value() switch
                    {
                        "short" => true,
                        "full" => false,
                        var other => throw new ArgumentException($"--job is short or full, not '{other}'"),
                    };
                    break;
                case "--artifacts":
                    options = options with { ArtifactsPath = Value() };
                    break;
                case "--attacks":
                    options = options with { Attacks = true };
                    break;
                case "--anatomy":
                    options = options with { Anatomy = true };
                    break;
                case "--check-allocations":
                    options = options with { CheckAllocations = true };
                    break;
                case "--list":
                    options = options with { ListOnly = true };
                    break;
                case "--help" or "-h":
                    options = options with { HelpOnly = true };
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return options with
        {
            ShortJob = shortJob ?? shortMode,
            Workloads = workloads ?? (shortMode ? ShortWorkloads : options.Workloads),
            Types = types ?? (shortMode ? [TypePairs.Go] : options.Types),
        };
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int[] ParseWorkers(string list)
    {
        var counts = Split(list).Select(s => int.TryParse(s, out var n) && n >= 1 && n <= 1024
            ? n
            : throw new ArgumentException($"a worker count is a number from 1 to 1024, not '{s}'")).ToArray();
        return counts.Length > 0 ? counts.Distinct().Order().ToArray() : throw new ArgumentException("--workers is empty");
    }

    private static string ParseTypes(string name) =>
        TypePairs.All.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown type pair '{name}'; known: {string.Join(", ", TypePairs.All)}");

    private static MapKind ParseMap(string name) =>
        Enum.TryParse<MapKind>(name, ignoreCase: true, out var map) && Enum.IsDefined(map)
            ? map
            : throw new ArgumentException($"unknown map '{name}'; known: {string.Join(", ", Enum.GetNames<MapKind>())}");
}
