using Xunit.Abstractions;

namespace GoSync.Tests.Map;

/// <summary>
/// User code that throws loses nothing: a scenario that grows tables, promotes, expunges, unexpunges, ranges and
/// clears is run once for every call of user code it makes (key comparer, value comparer, Range callback, foreach
/// body), with that call throwing. After every operation the map must be whole: the throwing operation had no effect,
/// every other one returned what a plain dictionary returns, every invariant holds, and the contents equal the
/// dictionary's.
/// </summary>
public class FaultInjectionTests(ITestOutputHelper output)
{
    /// <summary>The exception user code throws here; anything else escaping the map is a bug in the map.</summary>
    private sealed class InjectedFault : Exception
    {
        public InjectedFault(long call)
            : base($"user code call {call} throws")
        {
        }
    }

    /// <summary>Counts the calls of user code; while armed, the call numbered <see cref="FailAt"/> throws.</summary>
    private sealed class Faults
    {
        public long Calls { get; private set; }

        public long FailAt { get; init; } = -1;

        public bool Armed { get; set; }

        public HashSet<string> Thrown { get; } = [];

        public string CurrentOperation { get; set; } = "";

        public void Call()
        {
            if (!Armed)
            {
                return;
            }

            Calls++;
            if (Calls == FailAt)
            {
                Thrown.Add(CurrentOperation);
                throw new InjectedFault(Calls);
            }
        }
    }

    /// <summary>An ordinary comparer, but every call is user code that may throw.</summary>
    private sealed class FaultyComparer<T>(Faults faults) : IEqualityComparer<T>
    {
        public bool Equals(T? x, T? y)
        {
            faults.Call();
            return EqualityComparer<T>.Default.Equals(x, y);
        }

        public int GetHashCode(T obj)
        {
            faults.Call();
            return EqualityComparer<T>.Default.GetHashCode(obj!);
        }
    }

    private sealed record Step(string Name, Func<SyncMap<int, string?>, Dictionary<int, string?>, Faults, object?> Run);

    /// <summary>
    /// The scenario: each step acts on the map and on the reference dictionary, and returns what the map returned
    /// (compared with what the reference's step returned, run on the reference alone).
    /// </summary>
    private static readonly Step[] Scenario = BuildScenario();

    private static Step[] BuildScenario()
    {
        var steps = new List<Step>();
        void Add(string name, Func<SyncMap<int, string?>, Dictionary<int, string?>, Faults, object?> run) =>
            steps.Add(new Step(name, run));

        for (var k = 1; k <= 6; k++)
        {
            var key = k;
            Add($"Store {key} (new key; dirty grows)", (m, r, _) => Store(m, r, key, $"v{key}"));
        }

        for (var k = 1; k <= 6; k++)
        {
            var key = k;
            Add($"TryLoad {key} (misses; the sixth promotes)", (m, r, _) => Load(m, r, key));
        }

        Add("Delete 2 (nil in read)", (m, r, _) => Delete(m, r, 2));
        Add("Delete 3 (nil in read)", (m, r, _) => Delete(m, r, 3));
        Add("Store 7 (new key: DirtyLocked expunges 2 and 3)", (m, r, _) => Store(m, r, 7, "v7"));
        Add("Store 2 (unexpunges)", (m, r, _) => Store(m, r, 2, "w2"));
        Add("LoadOrStore 3 (unexpunges)", (m, r, _) => LoadOrStore(m, r, 3, "w3"));
        Add("Swap 4 (lock-free)", (m, r, _) => Swap(m, r, 4, "w4"));
        Add("CompareAndSwap 5 (in read)", (m, r, _) => CompareAndSwap(m, r, 5, "v5", "w5"));
        Add("CompareAndDelete 6 (in read)", (m, r, _) => CompareAndDelete(m, r, 6, "v6"));
        Add("TryLoadAndDelete 7 (only in dirty)", (m, r, _) => LoadAndDelete(m, r, 7));
        for (var k = 8; k <= 12; k++)
        {
            var key = k;
            Add($"Store {key} (dirty grows)", (m, r, _) => Store(m, r, key, $"v{key}"));
        }

        Add("CompareAndSwap 12 (only in dirty)", (m, r, _) => CompareAndSwap(m, r, 12, "v12", "w12"));
        Add("LoadOrStore 11 (only in dirty: a hit)", (m, r, _) => LoadOrStore(m, r, 11, "x11"));
        Add("Range (promotes; the callback is user code)", (m, r, f) => Range(m, r, f, limit: int.MaxValue));
        Add("Range stopping after 2 keys", (m, r, f) => Range(m, r, f, limit: 2));
        Add("foreach stopping after 3 keys (the body is user code)", (m, r, f) => ForEach(m, r, f, limit: 3));
        Add("Delete 1 (nil in read)", (m, r, _) => Delete(m, r, 1));
        Add("Store 13 (new key: DirtyLocked expunges 1)", (m, r, _) => Store(m, r, 13, "v13"));
        Add("Swap 1 (unexpunges)", (m, r, _) => Swap(m, r, 1, "w1"));
        Add("CompareAndDelete 13 (only in dirty)", (m, r, _) => CompareAndDelete(m, r, 13, "v13"));
        Add("TryLoad 9 (in read)", (m, r, _) => Load(m, r, 9));
        Add("Clear", (m, r, _) =>
        {
            m.Clear();
            r.Clear();
            return null;
        });
        Add("Store 1 after Clear", (m, r, _) => Store(m, r, 1, "y1"));
        Add("LoadOrStore 14 after Clear", (m, r, _) => LoadOrStore(m, r, 14, "v14"));
        Add("TryLoad 1 after Clear", (m, r, _) => Load(m, r, 1));
        return [.. steps];
    }

    private static object? Store(SyncMap<int, string?> m, Dictionary<int, string?> r, int key, string value)
    {
        m.Store(key, value);
        r[key] = value;
        return null;
    }

    private static object? Load(SyncMap<int, string?> m, Dictionary<int, string?> r, int key)
    {
        var ok = m.TryLoad(key, out var value);
        return Expect((ok, value), (r.TryGetValue(key, out var expected), expected));
    }

    private static object? Delete(SyncMap<int, string?> m, Dictionary<int, string?> r, int key)
    {
        m.Delete(key);
        r.Remove(key);
        return null;
    }

    private static object? LoadAndDelete(SyncMap<int, string?> m, Dictionary<int, string?> r, int key)
    {
        var ok = m.TryLoadAndDelete(key, out var value);
        return Expect((ok, value), (r.Remove(key, out var expected), expected));
    }

    private static object? LoadOrStore(SyncMap<int, string?> m, Dictionary<int, string?> r, int key, string value)
    {
        var actual = m.LoadOrStore(key, value, out var loaded);
        var expectedLoaded = r.TryGetValue(key, out var expected);
        if (!expectedLoaded)
        {
            r[key] = expected = value;
        }

        return Expect((loaded, actual), (expectedLoaded, expected));
    }

    private static object? Swap(SyncMap<int, string?> m, Dictionary<int, string?> r, int key, string value)
    {
        var loaded = m.Swap(key, value, out var previous);
        var expectedLoaded = r.TryGetValue(key, out var expected);
        r[key] = value;
        return Expect((loaded, previous), (expectedLoaded, expected));
    }

    private static object? CompareAndSwap(SyncMap<int, string?> m, Dictionary<int, string?> r, int key, string old, string value)
    {
        var swapped = m.CompareAndSwap(key, old, value);
        var expected = r.TryGetValue(key, out var current) && current == old;
        if (expected)
        {
            r[key] = value;
        }

        return Expect(swapped, expected);
    }

    private static object? CompareAndDelete(SyncMap<int, string?> m, Dictionary<int, string?> r, int key, string old)
    {
        var deleted = m.CompareAndDelete(key, old);
        var expected = r.TryGetValue(key, out var current) && current == old;
        if (expected)
        {
            r.Remove(key);
        }

        return Expect(deleted, expected);
    }

    private static object? Range(SyncMap<int, string?> m, Dictionary<int, string?> r, Faults faults, int limit)
    {
        var visited = new Dictionary<int, string?>();
        m.Range((key, value) =>
        {
            faults.Call();
            visited.Add(key, value); // throws on a key visited twice
            return visited.Count < limit;
        });
        visited.Should().HaveCount(Math.Min(limit, r.Count)).And.Subject.Should().BeSubsetOf(r);
        return null;
    }

    private static object? ForEach(SyncMap<int, string?> m, Dictionary<int, string?> r, Faults faults, int limit)
    {
        var visited = new Dictionary<int, string?>();
        foreach (var (key, value) in m)
        {
            faults.Call();
            visited.Add(key, value);
            if (visited.Count == limit)
            {
                break;
            }
        }

        visited.Should().HaveCount(Math.Min(limit, r.Count)).And.Subject.Should().BeSubsetOf(r);
        return null;
    }

    private static object? Expect<T>(T actual, T expected)
    {
        actual.Should().Be(expected);
        return actual;
    }

    /// <summary>Runs the scenario with the call numbered <paramref name="failAt"/> throwing (-1: none).</summary>
    private static Faults RunScenario(long failAt)
    {
        var faults = new Faults { FailAt = failAt };
        var map = new SyncMap<int, string?>(
            new FaultyComparer<int>(faults), new FaultyComparer<string?>(faults), TestPlacement.Fixed);
        var reference = new Dictionary<int, string?>();
        foreach (var step in Scenario)
        {
            var before = new Dictionary<int, string?>(reference);
            faults.CurrentOperation = step.Name;
            faults.Armed = true;
            var threw = false;
            try
            {
                step.Run(map, reference, faults);
            }
            catch (InjectedFault)
            {
                threw = true;
            }
            finally
            {
                faults.Armed = false;
            }

            var because = $"call {failAt} threw: after step '{step.Name}'";
            if (threw)
            {
                reference.Clear(); // the step had no effect: the reference goes back to before it
                foreach (var (key, value) in before)
                {
                    reference[key] = value;
                }
            }

            map.FindInvariantViolations().Should().BeEmpty(because);
            map.Contents().Should().BeEquivalentTo(reference, because);
        }

        // The map keeps working: every key can be written, read and deleted again.
        for (var key = 0; key <= 16; key++)
        {
            map.Store(key, "z");
            map.TryLoad(key, out var value).Should().BeTrue();
            value.Should().Be("z");
        }

        map.FindInvariantViolations().Should().BeEmpty();
        return faults;
    }

    [Fact]
    public void The_scenario_promotes_expunges_unexpunges_grows_ranges_and_clears_through_many_user_code_calls()
    {
        var clean = RunScenario(failAt: -1);
        clean.Calls.Should().BeGreaterThan(100, "every step calls user code, most of them more than once");
    }

    [Fact]
    public void A_throw_at_any_call_of_user_code_leaves_the_map_whole_and_loses_nothing()
    {
        var total = RunScenario(failAt: -1).Calls;
        var stepsThatThrew = new HashSet<string>();
        for (var n = 1; n <= total; n++)
        {
            stepsThatThrew.UnionWith(RunScenario(n).Thrown);
        }

        output.WriteLine($"{total} calls of user code, each made to throw once; {stepsThatThrew.Count} of {Scenario.Length} steps threw");

        // Every step calls user code, so every step has been made to throw at least once.
        stepsThatThrew.Should().BeEquivalentTo(Scenario.Where(s => s.Name != "Clear").Select(s => s.Name));
    }
}
