using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>Entries deleted while in read, expunged when dirty is created, and written again.</summary>
public static class ExpungeHarness
{
    /// <summary>Store into an expunged entry (unexpunge) racing Load and Delete of it, then a promotion.</summary>
    [Test]
    public static async Task StoreIntoExpungedEntryRacingLoadAndDelete()
    {
        var run = Iteration.Start(nameof(StoreIntoExpungedEntryRacingLoadAndDelete));
        var m = run.Map;
        ExpungeKeyOne(m);
        await run.Concurrently(
            p =>
            {
                m.Store(p, 1, 10);
                m.Load(p, 2);
            },
            p =>
            {
                m.Load(p, 1);
                m.Delete(p, 1);
            },
            p =>
            {
                m.Load(p, 3); // misses: promote dirty, which must hold key 1 if it was stored
                m.Load(p, 3);
            });
        m.Load(Iteration.Main, 1);
        run.Finish();
    }

    /// <summary>Delete then Store of one key, while another task's new key makes dirty expunge it.</summary>
    [Test]
    public static async Task DeleteThenStore()
    {
        var run = Iteration.Start(nameof(DeleteThenStore));
        var m = run.Map;
        m.Store(Iteration.Main, 1, 1);
        m.Range(Iteration.Main); // key 1 in read
        await run.Concurrently(
            p =>
            {
                m.Delete(p, 1);
                m.Store(p, 1, 2);
            },
            p =>
            {
                m.Store(p, 2, 2); // creates dirty: expunges key 1 if it is deleted by then
                m.Load(p, 1);
            },
            p =>
            {
                m.Load(p, 3);
                m.Load(p, 3);
                m.Load(p, 1);
            });
        m.Load(Iteration.Main, 1);
        run.Finish();
    }

    /// <summary>
    /// A lock-free Store into a deleted entry racing dirtyLocked's expunge of that entry: exactly one of them wins the
    /// slot. If the expunge wins, the store goes through the lock and puts the entry back into dirty; if the store wins,
    /// the entry is copied into dirty. Either way, after a promotion the stored value is there.
    /// </summary>
    [Test]
    public static async Task StoreRacingExpunge()
    {
        var run = Iteration.Start(nameof(StoreRacingExpunge));
        var m = run.Map;
        m.Store(Iteration.Main, 1, 1);
        m.Range(Iteration.Main); // key 1 in read
        m.Delete(Iteration.Main, 1); // nil in read, no dirty
        await run.Concurrently(
            p => m.Store(p, 1, 10), // fast path: CAS nil -> 10
            p => m.Store(p, 2, 2)); // new key: dirtyLocked tries to expunge key 1
        m.Range(Iteration.Main); // promotes dirty: key 1 survives only if dirty holds it
        m.Load(Iteration.Main, 1);
        run.Finish();
    }

    /// <summary>Leaves key 1 expunged in read and key 2 in dirty.</summary>
    internal static void ExpungeKeyOne(CheckedMap m)
    {
        m.Store(Iteration.Main, 1, 1);
        m.Range(Iteration.Main); // promote: key 1 in read
        m.Delete(Iteration.Main, 1); // nil in read
        m.Store(Iteration.Main, 2, 2); // dirtyLocked expunges key 1
    }
}
