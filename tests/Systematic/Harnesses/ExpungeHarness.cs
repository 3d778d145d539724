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
        var run = Iteration.Start();
        var m = run.Given(inRead: [1], deleted: [1], onlyInDirty: [2]); // key 1 expunged
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
        var run = Iteration.Start();
        var m = run.Given(inRead: [1]);
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
        var run = Iteration.Start();
        var m = run.Given(inRead: [1], deleted: [1]);
        await run.Concurrently(
            p => m.Store(p, 1, 10), // fast path: CAS nil -> 10
            p => m.Store(p, 2, 2)); // new key: dirtyLocked tries to expunge key 1
        m.Range(Iteration.Main); // promotes dirty: key 1 survives only if dirty holds it
        m.Load(Iteration.Main, 1);
        run.Finish();
    }
}
