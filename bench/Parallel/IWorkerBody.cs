namespace GoSync.Benchmarks.Parallel;

/// <summary>What every worker of a <see cref="WorkerPool"/> runs once per round.</summary>
internal interface IWorkerBody
{
    /// <summary>Runs worker <paramref name="worker"/>'s part of the round; 0 is the thread that started it.</summary>
    void Work(int worker);
}
