namespace GoSync;

/// <summary>The sizes of a map's parts at one moment, for tests and diagnostics.</summary>
/// <param name="ReadCount">Keys in <c>read</c>, deleted and expunged entries included.</param>
/// <param name="ReadDeleted">Entries of <c>read</c> whose slot is nil (deleted, not yet expunged).</param>
/// <param name="ReadExpunged">Entries of <c>read</c> whose slot is expunged.</param>
/// <param name="DirtyCount">Keys in <c>dirty</c>, or -1 when <c>dirty</c> is null.</param>
/// <param name="Misses">Slow-path lookups since the last promotion.</param>
/// <param name="Amended">Whether <c>read</c> says <c>dirty</c> holds keys it lacks.</param>
/// <param name="ReachableEntries">Distinct entries reachable from <c>read</c> or <c>dirty</c>: what the map keeps alive.</param>
internal readonly record struct MapShape(
    int ReadCount, int ReadDeleted, int ReadExpunged, int DirtyCount, int Misses, bool Amended, int ReachableEntries);

public sealed partial class SyncMap<TKey, TValue>
{
    /// <summary>
    /// Checks the design's invariants under the lock and throws <see cref="InvalidOperationException"/> listing every
    /// violation. Lock-free operations may run meanwhile: they cannot change whether an entry is expunged, which is all
    /// the entry invariants depend on.
    /// </summary>
    internal void CheckInvariants()
    {
        var violations = FindInvariantViolations();
        if (violations.Count > 0)
        {
            throw new InvalidOperationException("SyncMap invariant violated: " + string.Join("; ", violations));
        }
    }

    /// <summary>
    /// Every invariant of the design that the current state breaks, each named as in the TLA+ model; empty when all
    /// hold. One check per invariant, so that one mistake is reported under the name the model and the docs use.
    /// </summary>
    internal List<InvariantViolation> FindInvariantViolations()
    {
        var violations = new List<InvariantViolation>();
        lock (_mu)
        {
            var read = LoadReadOnly();
            var dirty = _dirty;
            CheckStructureLocked(read, dirty, violations);
            foreach (var (key, e) in read.Entries)
            {
                CheckReadEntryLocked(key, e, dirty, violations);
            }

            if (dirty is not null)
            {
                foreach (var (key, e) in dirty)
                {
                    if (ReferenceEquals(e.Peek(), Sentinels.Expunged))
                    {
                        violations.Add(new(Invariant.DirtyHoldsNoExpunged, $"dirty holds an expunged entry for key {key}"));
                    }

                    if (!read.Amended && !read.Entries.ContainsKey(key))
                    {
                        violations.Add(new(Invariant.AmendedIffDirtyHasMore, $"dirty holds key {key} that read lacks, but read is not amended"));
                    }
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// The live keys and values, read under the lock without counting misses or promoting: what the map holds, for
    /// tests that must not change the map's structure by looking at it.
    /// </summary>
    internal Dictionary<TKey, TValue> Contents()
    {
        lock (_mu)
        {
            var contents = new Dictionary<TKey, TValue>(_keyComparer);
            var read = LoadReadOnly();
            foreach (var (key, e) in read.Entries)
            {
                if (e.TryLoad(out var value))
                {
                    contents[key] = value;
                }
            }

            if (read.Amended)
            {
                foreach (var (key, e) in _dirty!)
                {
                    if (e.TryLoad(out var value))
                    {
                        contents[key] = value;
                    }
                }
            }

            return contents;
        }
    }

    /// <summary>The sizes of the map's parts, read under the lock.</summary>
    internal MapShape DescribeShape()
    {
        lock (_mu)
        {
            var read = LoadReadOnly();
            int deleted = 0, expunged = 0;
            foreach (var (_, e) in read.Entries)
            {
                var slot = e.Peek();
                deleted += slot is null ? 1 : 0;
                expunged += ReferenceEquals(slot, Sentinels.Expunged) ? 1 : 0;
            }

            var reachable = read.Entries.Count;
            if (_dirty is not null)
            {
                foreach (var (key, e) in _dirty)
                {
                    if (!ReferenceEquals(read.Entries.Find(key), e))
                    {
                        reachable++;
                    }
                }
            }

            return new MapShape(read.Entries.Count, deleted, expunged, _dirty?.Count ?? -1, _misses, read.Amended, reachable);
        }
    }

    private void CheckStructureLocked(
        ReadOnlyMap<TKey, TValue> read, EntryTable<TKey, TValue>? dirty, List<InvariantViolation> violations)
    {
        if (dirty is not null && ReferenceEquals(dirty, read.Entries))
        {
            violations.Add(new(Invariant.ReadAndDirtyDistinct, "read and dirty share one table"));
        }

        if (read.Amended && dirty is null)
        {
            violations.Add(new(Invariant.AmendedIffDirtyHasMore, "read is amended but dirty is null"));
        }

        if (dirty is null && _misses != 0)
        {
            violations.Add(new(Invariant.MissesResetWithoutDirty, $"misses is {_misses} but there is no dirty map (a promotion did not reset it)"));
        }

        if (dirty is not null && _misses != 0 && _misses >= dirty.Count)
        {
            violations.Add(new(Invariant.MissesBelowDirtyCount, $"misses {_misses} reached dirty's count {dirty.Count} without a promotion"));
        }
    }

    /// <summary>The three entry invariants for one entry of <c>read</c>: one per slot state.</summary>
    private static void CheckReadEntryLocked(
        TKey key, Entry<TValue> e, EntryTable<TKey, TValue>? dirty, List<InvariantViolation> violations)
    {
        var slot = e.Peek();
        var inDirty = dirty is not null && ReferenceEquals(dirty.Find(key), e);
        if (ReferenceEquals(slot, Sentinels.Expunged))
        {
            if (dirty is null || dirty.ContainsKey(key))
            {
                violations.Add(new(Invariant.ExpungedOnlyOutsideDirty,
                    $"expunged entry for key {key} but dirty is {(dirty is null ? "null" : "holding the key")}"));
            }
        }
        else if (dirty is not null && !inDirty)
        {
            var (invariant, state) = slot is null ? (Invariant.NilEntryInDirty, "nil") : (Invariant.LiveEntryInDirty, "live");
            violations.Add(new(invariant, $"{state} entry for key {key} is in read but dirty does not map the key to it"));
        }
    }
}
