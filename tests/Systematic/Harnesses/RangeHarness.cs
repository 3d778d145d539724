using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>Range is no snapshot, but each visited value was held during the call and each key is visited once.</summary>
public static class RangeHarness
{
    /// <summary>Range concurrent with stores, deletes and a second Range that stops early.</summary>
    [Test]
    public static async Task RangeConcurrentWithMutations()
    {
        var run = Iteration.Start();
        // amended: Range must promote first
        var m = run.Given(inRead: [1, 2], onlyInDirty: [3]);
        await run.Concurrently(
            p => m.Range(p),
            p =>
            {
                m.Store(p, 2, 20);
                m.Delete(p, 1);
                m.Store(p, 4, 4);
            },
            p =>
            {
                m.Range(p, limit: 1);
                m.LoadOrStore(p, 3, 33);
            });
        m.Range(Iteration.Main);
        run.Finish();
    }

    /// <summary>
    /// Range whose callback mutates the map, directly and through another task that it waits for: Range must not hold
    /// the lock while calling back (C#'s lock is re-entrant, so only the other task can show a held lock).
    /// </summary>
    [Test]
    public static async Task RangeWhoseCallbackMutates()
    {
        const int Helper = 10; // process id of the calls made from inside the callback
        var run = Iteration.Start();
        var m = run.Given(onlyInDirty: [1, 2]);
        await run.Concurrently(
            p => m.Range(p, onVisit: (key, value) =>
            {
                m.Store(Helper, key, (value ?? 0) + 10);
                Task.Run(() => m.Store(Helper + 1, key + 100, value)).Wait();
                m.Delete(Helper, key + 1);
            }),
            p =>
            {
                m.Store(p, 3, 3);
                m.Load(p, 1);
            });
        m.Range(Iteration.Main);
        run.Finish();
    }
}
