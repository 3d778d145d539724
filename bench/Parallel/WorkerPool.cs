using System.Runtime.ExceptionServices;

namespace GoSync.Benchmarks.Parallel;

/// <summary>
/// A fixed set of worker threads that run rounds together, like the goroutines of Go's <c>RunParallel</c>. The thread
/// that calls <see cref="Run"/> is worker 0, so a pool of one worker starts no thread. Threads are started once, not
/// per round: a round costs a wake-up and a completion check (well under a microsecond while the workers spin), which
/// the suite amortises over a large batch of operations.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    // How long an idle worker polls for the next round before it blocks. BenchmarkDotNet starts the next invocation
    // of a benchmark at once, so workers catch it while polling; between iterations (a forced GC, bookkeeping) they
    // block and use no CPU.
    private const int PollsBeforeBlocking = 4096;

    private readonly Thread[] _threads;
    private readonly object _gate = new();
    private IWorkerBody? _body;
    private long _round;
    private int _running;
    private int _sleepers;
    private bool _stopping;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Starts <paramref name="workers"/> - 1 threads.</summary>
    public WorkerPool(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
        _threads = new Thread[workers - 1];
        for (var i = 0; i < _threads.Length; i++)
        {
            var worker = i + 1;
            _threads[i] = new Thread(() => Loop(worker)) { IsBackground = true, Name = $"bench worker {worker}" };
            _threads[i].Start();
        }
    }

    /// <summary>How many workers run each round, the calling thread included.</summary>
    public int Workers { get; }

    /// <summary>Runs <paramref name="body"/> on every worker and returns when all are done; rethrows a failure.</summary>
    public void Run(IWorkerBody body)
    {
        _body = body;
        _failure = null;
        Volatile.Write(ref _running, _threads.Length);
        // The increment is a full fence: it publishes the body, and orders it before reading _sleepers, which a
        // blocking worker increments (also fenced) before it re-checks the round, so no wake-up is lost.
        Interlocked.Increment(ref _round);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        RunBody(body, 0);

        var spinner = default(SpinWait);
        while (Volatile.Read(ref _running) > 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _failure?.Throw();
    }

    /// <summary>Stops and joins the threads.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _stopping, true);
        Interlocked.Increment(ref _round);
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void Loop(int worker)
    {
        long seen = 0;
        while (true)
        {
            seen = WaitForRound(seen);
            if (Volatile.Read(ref _stopping))
            {
                return;
            }

            RunBody(_body!, worker);
            Interlocked.Decrement(ref _running);
        }
    }

    private void RunBody(IWorkerBody body, int worker)
    {
        try
        {
            body.Work(worker);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
        }
    }

    private long WaitForRound(long seen)
    {
        var spinner = default(SpinWait);
        for (var poll = 0; poll < PollsBeforeBlocking; poll++)
        {
            var round = Volatile.Read(ref _round);
            if (round != seen)
            {
                return round;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        lock (_gate)
        {
            Interlocked.Increment(ref _sleepers);
            try
            {
                long round;
                while ((round = Volatile.Read(ref _round)) == seen)
                {
                    Monitor.Wait(_gate);
                }

                return round;
            }
            finally
            {
                Interlocked.Decrement(ref _sleepers);
            }
        }
    }
}
