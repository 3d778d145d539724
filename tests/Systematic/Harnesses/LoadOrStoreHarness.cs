using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>LoadOrStore must store exactly once per absence, whichever path it takes.</summary>
public static class LoadOrStoreHarness
{
    /// <summary>LoadOrStore racing LoadOrStore and Delete, on an expunged key and on a new key.</summary>
    [Test]
    public static async Task LoadOrStoreRacingLoadOrStoreAndDelete()
    {
        var run = Iteration.Start();
        var m = run.Given(inRead: [1], deleted: [1], onlyInDirty: [2]); // key 1 expunged
        await run.Concurrently(
            p =>
            {
                m.LoadOrStore(p, 1, 10);
                m.LoadOrStore(p, 3, 30);
            },
            p =>
            {
                m.LoadOrStore(p, 1, 20);
                m.Delete(p, 1);
            },
            p =>
            {
                m.LoadOrStore(p, 3, 31);
                m.Load(p, 1);
            });
        m.Load(Iteration.Main, 1);
        m.Load(Iteration.Main, 3);
        run.Finish();
    }
}
