namespace GoSync.Tests.Vocabulary;

/// <summary>How a property is stated.</summary>
internal enum PropertyKind
{
    /// <summary>A predicate on one state: TLC checks it in every state, C# when the map is quiet.</summary>
    State,

    /// <summary>A predicate on one step (a TLA+ action property <c>[][A]_vars</c>).</summary>
    Step,

    /// <summary>A promise about whole behaviours: results, progress.</summary>
    Behaviour,
}

/// <summary>
/// One design property under its one name: what checks it in C#, and what checks it in the TLA+ model, or in one
/// place why one of them cannot.
/// </summary>
/// <param name="Name">The name, as the TLA+ operator and the C# <see cref="Invariant"/> member spell it.</param>
/// <param name="Kind">State, step or behaviour.</param>
/// <param name="Says">What it says, in one line.</param>
/// <param name="CSharp">The C# check, or null when there is none (then <paramref name="WhyNot"/> says why).</param>
/// <param name="InModel">Whether <c>tla/</c> defines and checks an operator of this name.</param>
/// <param name="WhyNot">Why the side that lacks a check lacks it; null when both have one.</param>
internal sealed record Property(string Name, PropertyKind Kind, string Says, string? CSharp, bool InModel, string? WhyNot = null);

/// <summary>
/// The vocabulary: every invariant and property of the design, each once. <c>docs/vocabulary.md</c> is generated from
/// this list and from the evidence it names (the model, the configurations, the patch headers, the harnesses);
/// <see cref="VocabularyTests"/> fails when any of them uses a name this list lacks, or lacks one it promises.
/// </summary>
internal static class Catalogue
{
    private const string FindViolations = "`SyncMap.FindInvariantViolations` (in the harnesses whenever no call is in progress, after the joins, and at each iteration's end)";

    /// <summary>A state invariant that <c>FindInvariantViolations</c> checks and the model states under the same name.</summary>
    private static Property Checked(Invariant invariant, string says) =>
        new(invariant.ToString(), PropertyKind.State, says, FindViolations, InModel: true);

    public static readonly IReadOnlyList<Property> Properties =
    [
        Checked(Invariant.ExpungedOnlyOutsideDirty, "an expunged entry in read ⇒ dirty exists and lacks the key"),
        Checked(Invariant.NilEntryInDirty, "a nil entry in read ⇒ dirty is null or maps the key to this entry"),
        Checked(Invariant.LiveEntryInDirty, "a live entry in read ⇒ dirty is null or maps the key to this entry"),
        Checked(Invariant.DirtyHoldsNoExpunged, "dirty never holds an expunged entry"),
        Checked(Invariant.AmendedIffDirtyHasMore, "read.amended ⇒ dirty exists; a key only in dirty ⇒ read.amended"),
        Checked(Invariant.MissesResetWithoutDirty, "no dirty ⇒ misses = 0"),
        Checked(Invariant.MissesBelowDirtyCount, "misses stays below dirty's count (reaching it promotes)"),
        Checked(Invariant.ReadAndDirtyDistinct, "read and dirty are never one table"),
        new(nameof(Invariant.ReadNeverWritten), PropertyKind.Step,
            "a table published as read is never written again",
            "`EntryTable.ThrowIfFrozen` on every table write (an exception named ReadNeverWritten)", InModel: false,
            "The model holds dictionaries as values, so writing the published read can only be stated as read and dirty being " +
            "one object (`aliased`); `ReadAndDirtyDistinct` refutes that in the very state that creates the aliasing, before any " +
            "write can follow, so the model checks the stronger invariant one step earlier."),
        new("DeletedKeysLeaveDirty", PropertyKind.State,
            "without CompareAndDelete, no deleted entry stays in dirty for a key read lacks (Go issue 40999)",
            "`Iteration.CheckDeletedKeysAreNotKept` (the leak check ending every harness iteration)", InModel: true),
        new("DeletedEntriesExpunged", PropertyKind.Step,
            "building dirty copies no deleted entry, so a key deleted while in read is dropped at the next promotion: what bounds what the map retains",
            "`Iteration.CheckDeletedEntriesAreExpunged` (the retention bound itself: reachable entries stay within the live keys plus one over delete/promote rounds)",
            InModel: true),
        new("MissesCountSlowLookups", PropertyKind.Step,
            "each lookup that misses read and consults dirty under the lock counts a miss or promotes, so a key only in dirty is promoted after enough loads",
            "`StructureTests.Misses_reaching_the_dirty_count_promote_dirty_to_read` (sequential)", InModel: true,
            "No harness checks it: results stay right when misses stop being counted, and the cost (the lock on every load) is invisible to a linearizability check."),
        new("ExpungeOnlyUnderLock", PropertyKind.Step,
            "a slot becomes or stops being expunged only while the lock is held", null, InModel: true,
            "An entry does not know its map's lock, and a state check under the lock cannot see a step. C# meets it by construction: " +
            "only `Entry.TryExpungeLocked` and `Entry.UnexpungeLocked` write or clear the expunged sentinel, and only `DirtyLocked` and " +
            "`SyncMap.UnexpungeLocked` call them, inside `lock (_mu)`."),
        new("NoNullDereference", PropertyKind.State,
            "no `_dirty!` on a null dirty", "the runtime's NullReferenceException, which Coyote reports as an unhandled exception", InModel: true),
        new("Linearizable", PropertyKind.Behaviour,
            "every history is explained by an atomic map (Range: Go's per-key promise)",
            "`LinearizabilityChecker` on each iteration's recorded history (`Iteration.Finish`)", InModel: true),
        new("Deadlock", PropertyKind.Behaviour,
            "no state where every thread waits", "Coyote's deadlock detection (stress: an iteration unfinished when its budget ends, 10 s at most)", InModel: true),
        new("Termination", PropertyKind.Behaviour,
            "every operation completes",
            "Coyote's `--fail-on-max-steps` in the runner's explorations: an iteration that reaches its scheduling-step bound (stress: the same iteration deadline)",
            InModel: true),
        new("TypeOK", PropertyKind.State,
            "the model's variables have their types, and Free slots are exactly the unreferenced entry ids", null, InModel: true,
            "It is about the model's own bookkeeping (entry ids, Free); C#'s types are checked by the compiler."),
        new("PlaceOnlyUnderLock", PropertyKind.Step,
            "an entry moves into or out of read or dirty only under the lock (entry model)", null, InModel: true,
            "`read` and `dirty` are fields written only inside `lock (_mu)`, and a published read's table refuses writes (ReadNeverWritten)."),
        new("OrphanExpungedStays", PropertyKind.Step,
            "an expunged entry that read has lost never changes again (entry model)", null, InModel: true,
            "An entry nothing references is garbage in C#; no check can reach it."),
    ];

    /// <summary>The names TLC reports for what a configuration checks without an operator: its deadlock check.</summary>
    public static readonly IReadOnlySet<string> BuiltIn = new HashSet<string>(StringComparer.Ordinal) { "Deadlock" };
}
