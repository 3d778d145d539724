using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>Clear empties read and dirty; nothing stored before it may reappear after it.</summary>
public static class ClearHarness
{
    /// <summary>Clear concurrent with Store and Load, on a key in read and a key only in dirty.</summary>
    [Test]
    public static async Task ClearConcurrentWithStoreAndLoad()
    {
        var run = Iteration.Start();
        var m = run.Given(inRead: [1], onlyInDirty: [2]);
        await run.Concurrently(
            p => m.Clear(p),
            p =>
            {
                m.Store(p, 1, 10);
                m.Load(p, 2);
            },
            p =>
            {
                m.Load(p, 1);
                m.Store(p, 3, 3);
            });
        m.Load(Iteration.Main, 1);
        m.Load(Iteration.Main, 2);
        m.Load(Iteration.Main, 3);
        run.Finish();
    }
}
