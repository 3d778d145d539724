using GoSync.Benchmarks.Maps;
using GoSync.Benchmarks.Workloads;

namespace GoSync.Benchmarks.Suite;

/// <summary>
/// Operations per benchmark invocation, by how costly the case's operations are. A batch must be large, so that
/// starting and joining a round of workers (under a microsecond) is lost in it even when 16 workers share 2-ns loads,
/// but not so large that one invocation of a costly case runs for seconds.
/// </summary>
internal static class BatchPlan
{
    /// <summary>Nanosecond operations: 2^18 of them take 0.5 ms on one worker, 30 µs on 16.</summary>
    public const int Large = 1 << 18;

    /// <summary>The copy-on-write map, whose writes copy it whole (10 µs for 1023 keys).</summary>
    public const int CopyingWrites = 1 << 14;

    /// <summary>Range, which visits 1024 keys per operation (microseconds).</summary>
    public const int WholeMapVisits = 1 << 10;

    public static int For(Workload workload, MapKind map) => workload switch
    {
        Workloads.Range => WholeMapVisits,
        _ when map == MapKind.CopyOnWrite => CopyingWrites,
        _ => Large,
    };
}
