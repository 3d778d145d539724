namespace GoSync;

/// <summary>
/// The design's invariants that <see cref="SyncMap{TKey, TValue}.FindInvariantViolations"/> and the freeze check of
/// <see cref="EntryTable{TKey, TValue}"/> enforce. Each member is named exactly as its TLA+ invariant in
/// <c>tla/SyncMap.tla</c> (except <see cref="ReadNeverWritten"/>, which the model cannot state: see
/// <c>docs/vocabulary.md</c>), and failure reports begin with that name, so a report, the model and the docs say the
/// same thing. <c>tests/Unit/Vocabulary</c> fails when a name here and in the model drift apart.
/// </summary>
internal enum Invariant
{
    /// <summary>An expunged entry in <c>read</c> ⇒ <c>dirty</c> exists and lacks the key.</summary>
    ExpungedOnlyOutsideDirty,

    /// <summary>A nil (deleted) entry in <c>read</c> ⇒ <c>dirty</c> is null or maps the key to this entry.</summary>
    NilEntryInDirty,

    /// <summary>A live entry in <c>read</c> ⇒ <c>dirty</c> is null or maps the key to this entry.</summary>
    LiveEntryInDirty,

    /// <summary><c>dirty</c> never holds an expunged entry.</summary>
    DirtyHoldsNoExpunged,

    /// <summary><c>read.Amended</c> ⇒ <c>dirty</c> exists; a key only in <c>dirty</c> ⇒ <c>read.Amended</c>.</summary>
    AmendedIffDirtyHasMore,

    /// <summary>No <c>dirty</c> ⇒ <c>misses</c> is 0.</summary>
    MissesResetWithoutDirty,

    /// <summary><c>misses</c> stays below <c>dirty</c>'s count (reaching it promotes).</summary>
    MissesBelowDirtyCount,

    /// <summary><c>read</c> and <c>dirty</c> are never one table.</summary>
    ReadAndDirtyDistinct,

    /// <summary>A table published as <c>read</c> is never written again (checked on every write by the table itself).</summary>
    ReadNeverWritten,
}

/// <summary>One broken invariant: its name and what the state showed.</summary>
/// <param name="Invariant">Which invariant.</param>
/// <param name="Detail">The offending part of the state, in words (keys, counts).</param>
internal readonly record struct InvariantViolation(Invariant Invariant, string Detail)
{
    /// <summary>"Name: detail", the form every failure report uses.</summary>
    public override string ToString() => $"{Invariant}: {Detail}";
}
