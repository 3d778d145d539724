using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>Loads that miss in read count misses until dirty is promoted, while other tasks store.</summary>
public static class PromotionHarness
{
    /// <summary>Load racing Store across a promotion: misses reach dirty's count while new keys arrive.</summary>
    [Test]
    public static async Task LoadRacingStoreAcrossPromotion()
    {
        var run = Iteration.Start();
        // loads of them are misses
        var m = run.Given(onlyInDirty: [1, 2]);
        await run.Concurrently(
            p =>
            {
                m.Load(p, 1);
                m.Load(p, 2); // second miss: promotes
                m.Load(p, 1);
            },
            p =>
            {
                m.Store(p, 3, 3);
                m.Store(p, 1, 10);
            },
            p =>
            {
                m.Load(p, 3);
                m.Delete(p, 2);
            });
        m.Load(Iteration.Main, 1);
        m.Load(Iteration.Main, 3);
        run.Finish();
    }
}
