namespace GoSync.StepLog;

/// <summary>
/// The map's locked state at the end of a locked region, as the map hands it over: <c>read</c>'s keys and entries
/// and <c>amended</c>, <c>dirty</c>'s keys and entries (null when there is none) and <c>misses</c>. Entries are the
/// map's Entry objects; the recorder turns them into small ids.
/// </summary>
public sealed record StepTables(KeyValuePair<object, object>[] Read, bool Amended, KeyValuePair<object, object>[]? Dirty, int Misses);

/// <summary>The same state in the log: keys (normalised scalars) and entry ids, sorted by key.</summary>
public sealed record LoggedTables(IReadOnlyList<KeyValuePair<object, int>> Read, bool Amended, IReadOnlyList<KeyValuePair<object, int>>? Dirty, int Misses);

/// <summary>
/// A map that can describe its locked state to the step log: the step-logging build of <c>SyncMap</c> implements it.
/// Called by the recorder at the end of a locked region, on the thread that holds the lock.
/// </summary>
public interface IStepSource
{
    /// <summary>The locked state now. Must take no scheduling point (plain reads only, no rewritten collection).</summary>
    StepTables StepTables();
}
