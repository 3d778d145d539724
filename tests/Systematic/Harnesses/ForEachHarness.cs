using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>The map's <c>foreach</c> is Range as an enumerator: no snapshot, each key at most once, no lock held between keys.</summary>
public static class ForEachHarness
{
    /// <summary>
    /// A <c>foreach</c> whose body, at its first key, waits until another task has written the map: a new key (locked),
    /// a store over a key in read (lock-free) and a delete. The enumerator is suspended between two keys meanwhile, so
    /// it must hold no lock there (else the writer never finishes), and what it visits after must still be values the
    /// keys held during the call.
    /// </summary>
    [Test]
    public static async Task ForEachWhoseBodyWaitsForAnotherTasksWrite()
    {
        var run = Iteration.Start();
        // read amended: the foreach promotes first
        var m = run.Given(onlyInDirty: [1, 2]);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await run.Concurrently(
            p => m.ForEach(p, body: (key, value) =>
            {
                if (!written.Task.IsCompleted)
                {
                    written.Task.Wait(); // only at the first key: the enumerator stays suspended while task 2 writes
                }
            }),
            p =>
            {
                m.Store(p, 3, 3);
                m.Store(p, 1, 10);
                m.Delete(p, 2);
                written.SetResult();
            });
        m.ForEach(Iteration.Main);
        m.Load(Iteration.Main, 2);
        run.Finish();
    }

    /// <summary>
    /// A <c>foreach</c> over a map whose keys are only in dirty, racing another task that promotes them (a Range that
    /// stops at its first key) and then clears the map, and a third that stores a new key: the enumerator may find read
    /// amended without the lock and, under it, already promoted by the other task (its re-check), or promote itself;
    /// either way it walks one read, which a Clear and a new dirty may replace under it. The coverage command found the
    /// enumerator raced by one scenario only, in which no other task promotes.
    /// </summary>
    [Test]
    public static async Task ForEachRacingPromotionAndClear()
    {
        var run = Iteration.Start();
        var m = run.Given(onlyInDirty: [1, 2]);
        await run.Concurrently(
            p => m.ForEach(p),
            p =>
            {
                m.Range(p, limit: 1); // promotes, unless the foreach did
                m.Clear(p); // locked, or lock-free when the map is already clear
            },
            p => m.Store(p, 3, 3)); // a new key: dirty again, before or after the Clear
        m.ForEach(Iteration.Main);
        run.Finish();
    }
}
