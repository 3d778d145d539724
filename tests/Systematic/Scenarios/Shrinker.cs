using GoSync.Specs;
using System.Diagnostics;
using Microsoft.Coyote.Rewriting;

namespace GoSync.Systematic.Scenarios;

/// <summary>One step the shrinker took: the smaller scenario that still failed, and what was removed or changed.</summary>
public sealed record ShrinkStep(string Change, Scenario Scenario);

/// <summary>What shrinking found: the scenario it started from, the smallest that still fails, and the way there.</summary>
public sealed record ShrinkOutcome(Scenario Original, Scenario Minimal, IReadOnlyList<ShrinkStep> Steps, int Explorations, double Seconds);

/// <summary>
/// Shrinks a failing scenario as Lincheck does: drops whole tasks, then single operations, then merges keys and plainer
/// values, keeping each change under which the bug still reproduces under exploration, until no single change does.
/// The result is 1-minimal with respect to these changes: removing any one more operation (or task, or key) makes
/// exploration within the same budget find no bug.
/// </summary>
[SkipRewriting("Runs outside any controlled iteration: it drives the testing engine.")]
public static class Shrinker
{
    /// <summary>
    /// Shrinks <paramref name="failing"/>; <paramref name="fails"/> explores a candidate and says whether it found a
    /// bug. <paramref name="failing"/> itself must fail.
    /// </summary>
    public static ShrinkOutcome Shrink(Scenario failing, Func<Scenario, bool> fails)
    {
        ArgumentNullException.ThrowIfNull(failing);
        ArgumentNullException.ThrowIfNull(fails);
        var clock = Stopwatch.StartNew();
        var explorations = 0;
        var steps = new List<ShrinkStep>();
        var current = failing;
        bool changed;
        do
        {
            changed = false;
            foreach (var (change, candidate) in Candidates(current))
            {
                explorations++;
                if (fails(candidate))
                {
                    current = candidate;
                    steps.Add(new ShrinkStep(change, candidate));
                    changed = true;
                    break; // candidates are computed from the new, smaller scenario
                }
            }
        }
        while (changed);

        return new ShrinkOutcome(failing, current, steps, explorations, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Every one-step simplification of <paramref name="s"/>, biggest first.</summary>
    public static IEnumerable<(string Change, Scenario Candidate)> Candidates(Scenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        for (var t = 0; t < s.Threads.Length && s.Threads.Length > 1; t++)
        {
            yield return ($"drop task {t + 1}", s with { Threads = Without(s.Threads, t) });
        }

        if (s.Setup.Length > 1)
        {
            yield return ("drop the set-up", s with { Setup = [] });
        }

        for (var i = 0; i < s.Setup.Length; i++)
        {
            yield return ($"drop set-up operation {i + 1} ({s.Setup[i].Name})", s with { Setup = Without(s.Setup, i) });
        }

        for (var t = 0; t < s.Threads.Length; t++)
        {
            for (var i = 0; i < s.Threads[t].Length; i++)
            {
                var thread = Without(s.Threads[t], i);
                var threads = thread.Length == 0 && s.Threads.Length > 1 ? Without(s.Threads, t) : Replace(s.Threads, t, thread);
                yield return ($"drop operation {i + 1} ({s.Threads[t][i].Name}) of task {t + 1}", s with { Threads = threads });
            }
        }

        var keys = s.Keys;
        foreach (var from in keys)
        {
            foreach (var to in keys.Where(k => k < from))
            {
                yield return ($"key {from} becomes key {to}", Map(s, o => o.HasKey && o.Key == from ? o with { Key = to } : o));
            }
        }

        if (All(s).Any(o => o.Limit is not null))
        {
            yield return ("Range(limit) becomes Range", Map(s, o => o with { Limit = null }));
        }

        foreach (var (kind, plainer) in new[] { (OpKind.LoadAndDelete, OpKind.Delete), (OpKind.Swap, OpKind.Store) })
        {
            if (All(s).Any(o => o.Kind == kind))
            {
                yield return ($"{kind} becomes {plainer}", Map(s, o => o.Kind == kind ? o with { Kind = plainer } : o));
            }
        }
    }

    private static IEnumerable<ScenarioOp> All(Scenario s) => s.Setup.Concat(s.Threads.SelectMany(t => t));

    private static Scenario Map(Scenario s, Func<ScenarioOp, ScenarioOp> change) =>
        new(s.Setup.Select(change).ToArray(), s.Threads.Select(t => t.Select(change).ToArray()).ToArray());

    private static T[] Without<T>(T[] items, int index) => [.. items[..index], .. items[(index + 1)..]];

    private static T[] Replace<T>(T[] items, int index, T item)
    {
        var copy = (T[])items.Clone();
        copy[index] = item;
        return copy;
    }
}
