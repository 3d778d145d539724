using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.Random;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>
/// User code that throws inside the map loses nothing: a key comparer throws at one of the calls an operation makes
/// for one key (drawn by Coyote), inside or outside the lock, while other tasks' lock-free operations race it. The call
/// that threw is left out of the history, so the linearizability check also holds the map to its promise that such a
/// call had no effect; the invariants are checked as in every harness.
/// </summary>
public static class FaultHarness
{
    // How many of the poisoned keys' comparer calls a draw chooses from: about as many as the set-up and the race make
    // (a Store of a new key makes four: the lock-free lookup, the re-check under the lock, the dirty lookup, the dirty
    // write); a draw past the last call never throws.
    private const int CallsToChooseFrom = 16;

    /// <summary>
    /// Storing a new key throws in the comparer (in AddToDirtyLocked's dirty write, among others) while DirtyLocked
    /// expunges deleted entries that a lock-free store races to revive, and loads promote dirty. Key 3 is poisoned too:
    /// it is live in read and (under the harnesses' fixed placement) copied after the deleted keys 2 and 1, so a
    /// DirtyLocked that hashed the keys it copies would throw half-way through its copy, after expunging them.
    /// </summary>
    [Test]
    public static async Task ComparerThrowsWhileStoringNewKey()
    {
        var comparer = new PoisonedKeyComparer(throwAtCall: Generator.Create().NextInteger(CallsToChooseFrom) + 1, 3, 5);
        var run = Iteration.Start(comparer);
        // keys 1 and 2 nil in read, no dirty: the next new key expunges them
        var m = run.Given(inRead: [1, 2, 3], deleted: [1, 2]);
        await run.Concurrently(
            p =>
            {
                m.Store(p, 5, 50); // a new key: dirty is built, then the key is written into it
                m.Load(p, 1);
            },
            p =>
            {
                m.Store(p, 1, 10); // lock-free into the nil entry, racing the expunge
                m.Load(p, 3);
            },
            p =>
            {
                m.Load(p, 5);
                m.Load(p, 5); // misses: promotes dirty
            });
        m.Store(Iteration.Main, 5, 51); // the map keeps working for the key whose call threw
        m.Load(Iteration.Main, 1);
        m.Load(Iteration.Main, 5);
        m.Range(Iteration.Main);
        run.Finish();
    }

    /// <summary>
    /// Storing into an expunged entry throws in the comparer (in the dirty write that puts the entry back, among
    /// others) while a LoadOrStore of the same key and loads that promote dirty race it.
    /// </summary>
    [Test]
    public static async Task ComparerThrowsWhileUnexpunging()
    {
        var comparer = new PoisonedKeyComparer(throwAtCall: Generator.Create().NextInteger(CallsToChooseFrom) + 1, 1);
        var run = Iteration.Start(comparer);
        var m = run.Given(inRead: [1], deleted: [1], onlyInDirty: [2]); // key 1 expunged (its calls count too)
        await run.Concurrently(
            p =>
            {
                m.Store(p, 1, 10); // expunged: under the lock, back into dirty, then unexpunged and stored
                m.Load(p, 3);
            },
            p =>
            {
                m.LoadOrStore(p, 1, 20);
                m.Load(p, 1);
            },
            p =>
            {
                m.Load(p, 3);
                m.Load(p, 3); // misses: promotes dirty, which must hold key 1 if it was stored
            });
        m.Store(Iteration.Main, 1, 11);
        m.Load(Iteration.Main, 1);
        m.Range(Iteration.Main);
        run.Finish();
    }
}
