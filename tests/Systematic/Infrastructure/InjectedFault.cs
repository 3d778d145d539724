namespace GoSync.Systematic.Infrastructure;

/// <summary>What the user code of a fault harness throws: the only exception a harness expects from the map.</summary>
public sealed class InjectedFault(string message) : Exception(message);

/// <summary>
/// A key comparer that throws <see cref="InjectedFault"/> at the <c>n</c>-th call that concerns one of the poisoned
/// keys (its hash or a comparison with it), once per iteration; any other call answers as the
/// default comparer does. Which call throws is drawn from Coyote's controlled random source, so the fault lands on
/// every call site in turn across iterations (the lock-free lookup, the re-check under the lock, the dirty lookup, the
/// dirty write) and a failing iteration still replays.
/// </summary>
/// <remarks>Its counter is a plain field: Coyote runs one task at a time, and the comparer adds no scheduling point.</remarks>
public sealed class PoisonedKeyComparer(int throwAtCall, params int[] poisonedKeys) : IEqualityComparer<int>
{
    private int _calls;

    // Per thread: on real threads (the stress runs) two tasks' checks may overlap, and one ending must not resume the
    // other's comparer calls; a depth, so that a check inside a check stays paused.
    [ThreadStatic]
    private static int t_pauseDepth;

    /// <summary>While paused, this thread's calls neither count nor throw: the harness's own checks look keys up too.</summary>
    public static IDisposable Pause()
    {
        t_pauseDepth++;
        return new Resume();
    }

    /// <summary>Whether the fault has been thrown in this iteration.</summary>
    public bool Thrown { get; private set; }

    public bool Equals(int x, int y)
    {
        if (t_pauseDepth == 0 && (IsPoisoned(x) || IsPoisoned(y)))
        {
            Call();
        }

        return x == y;
    }

    public int GetHashCode(int key)
    {
        if (t_pauseDepth == 0 && IsPoisoned(key))
        {
            Call();
        }

        return key;
    }

    private sealed class Resume : IDisposable
    {
        public void Dispose() => t_pauseDepth--;
    }

    private bool IsPoisoned(int key) => Array.IndexOf(poisonedKeys, key) >= 0;

    private void Call()
    {
        if (++_calls == throwAtCall && !Thrown)
        {
            Thrown = true;
            throw new InjectedFault($"key comparer call {throwAtCall} for keys {string.Join(", ", poisonedKeys)} throws");
        }
    }
}
