using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>
/// Races whose window is one step wide: a lock-free call that must re-check what it read once another task has
/// changed the map's structure under the lock (an expunge, a promotion) between its read and its next step. Each
/// scenario is the smallest that opens that window; seeded bugs 21, 23, 24, 26, 29, 30 and 32 need them.
/// </summary>
public static class NarrowWindowHarness
{
    /// <summary>
    /// A lock-free LoadOrStore into a deleted entry of read racing dirtyLocked's expunge of that entry: the
    /// LoadOrStore's CAS of nil may lose to the expunge, and must then take the locked path (unexpunge and store), not
    /// report the expunged sentinel as a loaded value. Either way the key holds a value afterwards, through the
    /// promotion.
    /// </summary>
    [Test]
    public static async Task LoadOrStoreRacingExpunge()
    {
        var run = Iteration.Start();
        var m = run.Given(inRead: [1], deleted: [1]);
        await run.Concurrently(
            p => m.LoadOrStore(p, 1, 10), // lock-free: CAS nil -> 10, unless the expunge wins
            p => m.Store(p, 2, 2)); // new key: dirtyLocked tries to expunge key 1
        m.Range(Iteration.Main); // promotes dirty: key 1 survives only if dirty holds it
        m.Load(Iteration.Main, 1);
        run.Finish();
    }

    /// <summary>
    /// New keys stored (LoadOrStore and Store) while another task's miss promotes dirty: a writer that found read
    /// amended without the lock may get the lock only after the promotion, when dirty is null and read is no longer
    /// amended, so under the lock it must look at read again before it adds its key.
    /// </summary>
    [Test]
    public static async Task NewKeyRacingPromotion()
    {
        var run = Iteration.Start();
        // dirty holds 1 key: the first miss promotes
        var m = run.Given(onlyInDirty: [1]);
        await run.Concurrently(
            p => m.LoadOrStore(p, 2, 20), // a new key: locked
            p => m.Store(p, 3, 30), // a new key: locked
            p =>
            {
                m.Load(p, 1); // a miss: promotes while dirty holds only key 1
                m.Load(p, 1);
            });
        m.Load(Iteration.Main, 2);
        m.Load(Iteration.Main, 3);
        run.Finish();
    }

    /// <summary>
    /// Two LoadAndDeletes and a Store of one key in read, all lock-free on the same entry: each CAS may lose to
    /// another's. A LoadAndDelete whose CAS lost must look again: to a Store (retry, and delete the stored value) or to
    /// the other delete (report absent), never report a value it did not remove or an absence while the key was
    /// present. (LoadAndDeleteRacingStore's keys live only in dirty, where LoadAndDelete takes its entry out of dirty
    /// under the lock, so no other caller can reach that entry any more: its CAS cannot lose.)
    /// </summary>
    [Test]
    public static async Task LoadAndDeleteRacingStoreInRead()
    {
        var run = Iteration.Start();
        // no dirty: every call below is lock-free
        var m = run.Given(inRead: [1]);
        await run.Concurrently(
            p => m.LoadAndDelete(p, 1),
            p => m.Store(p, 1, 10),
            p => m.LoadAndDelete(p, 1));
        m.Load(Iteration.Main, 1);
        run.Finish();
    }

    /// <summary>
    /// CompareAndDelete racing a Store of the value it expects: the Store puts a new box holding an equal value into
    /// the slot, so the CompareAndDelete's CAS may lose although the value it compared is still there; it must compare
    /// again and delete. The key holds 1 throughout, so a CompareAndDelete(1, 1) that fails is wrong. (In
    /// CompareAndSwapAndCompareAndDeleteRacingStore a CompareAndSwap of key 1 runs beside them, and explains a failure
    /// in most schedules.)
    /// </summary>
    [Test]
    public static async Task CompareAndDeleteRacingStoreOfEqualValue()
    {
        var run = Iteration.Start();
        // both calls below are lock-free
        var m = run.Given(inRead: [1]);
        await run.Concurrently(
            p => m.CompareAndDelete(p, 1, 1),
            p => m.StoreInNewBox(p, 1, 1)); // equal to the value key 1 holds, not the same object
        m.Load(Iteration.Main, 1);
        run.Finish();
    }

    /// <summary>
    /// CompareAndSwap racing a Store of the value it expects: as in
    /// <see cref="CompareAndDeleteRacingStoreOfEqualValue"/>, the CAS may lose to a new box holding an equal value and
    /// must compare again and swap. The key holds 1 until the CompareAndSwap(1, 1, 10), so it must succeed. (In
    /// CompareAndSwapAndCompareAndDeleteRacingStore a CompareAndDelete of key 1 runs beside them and explains a failure
    /// in most schedules: a full run of 500 iterations found none it could not.)
    /// </summary>
    [Test]
    public static async Task CompareAndSwapRacingStoreOfEqualValue()
    {
        var run = Iteration.Start();
        // both calls below are lock-free
        var m = run.Given(inRead: [1]);
        await run.Concurrently(
            p => m.CompareAndSwap(p, 1, 1, 10),
            p => m.StoreInNewBox(p, 1, 1)); // equal to the value key 1 holds, not the same object
        m.Load(Iteration.Main, 1);
        run.Finish();
    }
}
