using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>
/// Tasks whose calls mix the locked and the lock-free paths, on keys other tasks are promoting or expunging: a task's
/// lock-free call may run while another task is inside a locked region, as it may for any real caller.
/// </summary>
public static class MixedPathsHarness
{
    /// <summary>
    /// A CompareAndSwap of a key only in dirty takes the lock; meanwhile another task's load misses and promotes dirty,
    /// so under the lock the CAS finds the key in read, where that task's next Store writes it without the lock. The CAS
    /// must still be atomic: the Store is either before it (and the CAS fails) or after it (and wins). This is the shape
    /// of golang/go#70970. The old check after every call took the lock between the load and the store, so the store
    /// could run while the CAS held the lock only if the CAS's task stayed descheduled through the whole check.
    /// </summary>
    [Test]
    public static async Task CompareAndSwapRacingPromotionThenStore()
    {
        var run = Iteration.Start();
        // dirty holds 1 key: the first miss promotes
        var m = run.Given(onlyInDirty: [2]);
        await run.Concurrently(
            p =>
            {
                m.Load(p, 2); // locked: a miss that promotes, so key 2 is in read
                m.Store(p, 2, 22); // lock-free, through read
            },
            p => m.CompareAndSwap(p, 2, 2, 20));
        m.Load(Iteration.Main, 2);
        run.Finish();
    }

    /// <summary>
    /// One task stores a new key (locked: creates dirty, expunging a deleted key) and then stores over a key in read
    /// (lock-free); another revives the deleted key while it may be being expunged, then loads; a third task's misses
    /// promote. Every stored value must survive the promotion.
    /// </summary>
    [Test]
    public static async Task StoreNewKeyThenStoreInReadRacingExpungeAndPromotion()
    {
        var run = Iteration.Start();
        // key 2 nil in read, no dirty: the next new key expunges it
        var m = run.Given(inRead: [1, 2], deleted: [2]);
        await run.Concurrently(
            p =>
            {
                m.Store(p, 3, 3); // locked: creates dirty, expunging key 2 unless it was revived
                m.Store(p, 1, 10); // lock-free: key 1 is in read
            },
            p =>
            {
                m.Store(p, 2, 20); // lock-free if key 2 is nil, locked (unexpunge) if expunged
                m.Load(p, 3); // a miss while dirty holds key 3
            },
            p =>
            {
                m.Load(p, 4); // misses: promote dirty
                m.Load(p, 4);
                m.Load(p, 4);
            });
        m.Load(Iteration.Main, 1);
        m.Load(Iteration.Main, 2);
        m.Load(Iteration.Main, 3);
        run.Finish();
    }
}
