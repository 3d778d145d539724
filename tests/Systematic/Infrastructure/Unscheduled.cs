using Microsoft.Coyote.Rewriting;
using Microsoft.Coyote.Runtime;

namespace GoSync.Systematic.Infrastructure;

/// <summary>
/// How many calls into the map are in progress, across all tasks. Not rewritten: its <see cref="Interlocked"/> calls are
/// the real ones, atomic on real threads and no scheduling points under Coyote, so counting changes no schedule.
/// </summary>
[SkipRewriting("Harness bookkeeping: it must add no scheduling point to the schedules it observes.")]
internal sealed class CallsInProgress
{
    private int _count;

    /// <summary>Counts a call that starts.</summary>
    public void Enter() => Interlocked.Increment(ref _count);

    /// <summary>Counts a call that returned; true when no other call is in progress now.</summary>
    public bool ExitLeavesNone() => Interlocked.Decrement(ref _count) == 0;
}

/// <summary>
/// The pairs one Range or <c>foreach</c> visited. Not rewritten, so adding to it is no scheduling point in the middle of
/// the map's own iteration (Coyote's data-race checking makes every call on a rewritten <see cref="List{T}"/> one).
/// </summary>
[SkipRewriting("Harness bookkeeping: it must add no scheduling point to the schedules it observes.")]
internal sealed class VisitLog
{
    private readonly List<KeyValuePair<object, object?>> _pairs = [];

    public int Count => _pairs.Count;

    public IReadOnlyList<KeyValuePair<object, object?>> Pairs => _pairs;

    public void Add(int key, int? value) => _pairs.Add(new(key, value));
}

/// <summary>
/// Counts each harness's iterations in the current run, for the step log's header. Not rewritten: a rewritten
/// <see cref="Dictionary{TKey, TValue}"/> would make the count a scheduling point of every iteration.
/// </summary>
[SkipRewriting("Harness bookkeeping: it must add no scheduling point to the schedules it observes.")]
internal static class IterationNumbers
{
    private static readonly Dictionary<string, int> s_counts = [];

    /// <summary>The number of this iteration of <paramref name="harness"/>, from 1.</summary>
    public static int Next(string harness)
    {
        lock (s_counts)
        {
            return s_counts[harness] = s_counts.GetValueOrDefault(harness) + 1;
        }
    }

    /// <summary>Makes the next iteration of <paramref name="harness"/> number <paramref name="next"/>: a run counts from 1, a replay of its failing iteration from that one.</summary>
    public static void Restart(string harness, int next)
    {
        lock (s_counts)
        {
            s_counts[harness] = next - 1;
        }
    }
}

/// <summary>
/// A region in which Coyote makes no scheduling decision for the running task (<see cref="SchedulingPoint.Suppress"/>):
/// what runs inside is atomic with respect to every other controlled task, and costs no step of the exploration. A
/// no-op on real threads. Inside, the task must not block on another task (Coyote would switch then anyway).
/// </summary>
internal readonly struct NoScheduling : IDisposable
{
    private NoScheduling(bool _) => SchedulingPoint.Suppress();

    public static NoScheduling Begin() => new(true);

    public void Dispose() => SchedulingPoint.Resume();
}
