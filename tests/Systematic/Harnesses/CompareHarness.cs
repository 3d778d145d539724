using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>CompareAndSwap and CompareAndDelete act only on an equal live value and never create a key.</summary>
public static class CompareHarness
{
    /// <summary>CompareAndSwap and CompareAndDelete racing each other and Store, in read and only in dirty.</summary>
    [Test]
    public static async Task CompareAndSwapAndCompareAndDeleteRacingStore()
    {
        var run = Iteration.Start();
        var m = run.Given(inRead: [1], onlyInDirty: [2]);
        await run.Concurrently(
            p =>
            {
                m.CompareAndSwap(p, 1, 1, 10);
                m.CompareAndSwap(p, 2, 2, 20);
            },
            p =>
            {
                m.CompareAndDelete(p, 1, 1);
                m.CompareAndDelete(p, 2, 20);
            },
            p =>
            {
                m.StoreInNewBox(p, 1, 1); // equal to the value key 1 holds, not the same object
                m.CompareAndSwap(p, 2, 3, 30); // never equal: must fail
                m.CompareAndSwap(p, 4, null, 40); // absent: must not create key 4
            });
        m.Load(Iteration.Main, 1);
        m.Load(Iteration.Main, 2);
        m.Load(Iteration.Main, 4);
        run.Finish();
    }
}
