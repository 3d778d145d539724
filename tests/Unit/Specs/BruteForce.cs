using GoSync.Specs;

namespace GoSync.Tests.Specs;

/// <summary>
/// An independent oracle for small histories: tries every order of the whole history's steps that respects real time,
/// on the full-map <see cref="SequentialSpec"/>, with no key partitions and no Wing-Gong list. Range and Clear are
/// expanded into per-key steps here too (that is the stated meaning, see docs/checker.md), but by separate code.
/// </summary>
internal static class BruteForce
{
    public static bool IsLinearizable(History history)
    {
        var steps = new List<Step>();
        foreach (var op in history.Operations)
        {
            if (!Expand(op, history.Keys, steps))
            {
                return false;
            }
        }

        var required = steps.Count(s => !s.Op.IsPending);
        return Search(steps, new bool[steps.Count], MapState.Empty, required, []);
    }

    private static bool Expand(Operation op, IReadOnlyList<object> keys, List<Step> steps)
    {
        switch (op.Kind)
        {
            case OpKind.Clear:
                steps.AddRange(keys.Select(k => new Step(op, (s, _) => (true, s.Without(k)))));
                return true;
            case OpKind.Range when op.IsPending:
                return true;
            case OpKind.Range:
                if (op.Visited.Select(p => p.Key).Distinct().Count() != op.Visited.Count)
                {
                    return false;
                }

                foreach (var (key, value) in op.Visited)
                {
                    steps.Add(new Step(op, (s, _) => (s.TryGetValue(key, out var v) && Equals(v, value), s)));
                }

                if (!op.Stopped)
                {
                    foreach (var key in keys.Where(k => op.Visited.All(p => !Equals(p.Key, k))))
                    {
                        steps.Add(new Step(op, (s, _) => (!s.TryGetValue(key, out object? _), s)));
                    }
                }

                return true;
            default:
                steps.Add(new Step(op, (s, o) =>
                {
                    var (result, next) = SequentialSpec.Apply(s, o);
                    return (SequentialSpec.Agrees(o, result), next);
                }));
                return true;
        }
    }

    // Depth-first over orders; `failed` remembers (placed set, state) pairs already known to lead nowhere, only to keep
    // the enumeration affordable on the larger samples.
    private static bool Search(List<Step> steps, bool[] placed, MapState state, int required, HashSet<string> failed)
    {
        if (required == 0)
        {
            return true;
        }

        var memo = string.Concat(placed.Select(p => p ? '1' : '0')) + state;
        if (failed.Contains(memo))
        {
            return false;
        }

        // Real time: a step may go next only if no unplaced step returned before it was called.
        var deadline = steps.Where((s, i) => !placed[i] && !s.Op.IsPending).Min(s => s.Op.Return!.Value);
        for (var i = 0; i < steps.Count; i++)
        {
            if (placed[i] || steps[i].Op.Call > deadline)
            {
                continue;
            }

            var (agrees, next) = steps[i].Apply(state, steps[i].Op);
            if (!agrees)
            {
                continue;
            }

            placed[i] = true;
            var found = Search(steps, placed, next, required - (steps[i].Op.IsPending ? 0 : 1), failed);
            placed[i] = false;
            if (found)
            {
                return true;
            }
        }

        failed.Add(memo);
        return false;
    }

    private sealed record Step(Operation Op, Func<MapState, Operation, (bool Agrees, MapState Next)> Apply);
}
