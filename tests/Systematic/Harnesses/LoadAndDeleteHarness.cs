using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>LoadAndDelete returns each stored value at most once, from read or from dirty.</summary>
public static class LoadAndDeleteHarness
{
    /// <summary>LoadAndDelete racing Store on keys that live only in dirty.</summary>
    [Test]
    public static async Task LoadAndDeleteRacingStore()
    {
        var run = Iteration.Start();
        var m = run.Given(onlyInDirty: [1, 2]);
        await run.Concurrently(
            p =>
            {
                m.LoadAndDelete(p, 1);
                m.LoadAndDelete(p, 2);
            },
            p =>
            {
                m.Store(p, 1, 10);
                m.Load(p, 2);
            },
            p =>
            {
                m.LoadAndDelete(p, 1);
                m.Load(p, 1);
            });
        m.Load(Iteration.Main, 1);
        m.Load(Iteration.Main, 2);
        run.Finish();
    }
}
