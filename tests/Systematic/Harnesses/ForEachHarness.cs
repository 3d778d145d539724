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
        var run = Iteration.Start(nameof(ForEachWhoseBodyWaitsForAnotherTasksWrite));
        var m = run.Map;
        m.Store(Iteration.Main, 1, 1);
        m.Store(Iteration.Main, 2, 2); // both only in dirty: the foreach promotes first
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
}
