using System.Diagnostics;

namespace GoSync.Specs.Checking;

/// <summary>The time, shared by all partitions of one check, after which the checker answers Unknown.</summary>
internal sealed class Budget(TimeSpan limit)
{
    /// <summary>Memo memory at which a search gives up too: past it, the machine would page before the clock ran out.</summary>
    public const long MemoBytesLimit = 1L << 30;

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Limit { get; } = limit;

    public TimeSpan Elapsed => _clock.Elapsed;

    public bool IsSpent => _clock.Elapsed >= Limit;
}
