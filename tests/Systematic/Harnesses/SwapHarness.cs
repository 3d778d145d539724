using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>Swap's fast path must never write into an expunged entry, and each previous value is returned once.</summary>
public static class SwapHarness
{
    /// <summary>Swaps racing each other and Delete, on an expunged key, a key in dirty and a new key.</summary>
    [Test]
    public static async Task SwapRacingSwapAndDelete()
    {
        var run = Iteration.Start();
        var m = run.Given(inRead: [1], deleted: [1], onlyInDirty: [2]); // key 1 expunged
        await run.Concurrently(
            p =>
            {
                m.Swap(p, 1, 10);
                m.Swap(p, 2, 20);
            },
            p =>
            {
                m.Swap(p, 1, 11);
                m.Delete(p, 2);
            },
            p =>
            {
                m.Swap(p, 3, 30);
                m.Load(p, 4); // misses: promote dirty
                m.Load(p, 4);
            });
        m.Load(Iteration.Main, 1);
        m.Load(Iteration.Main, 2);
        run.Finish();
    }
}
