using GoSync.Specs;

namespace GoSync.Tests.Specs;

/// <summary>Changes one recorded result of a history: the smallest lie a buggy map could tell.</summary>
internal static class Mutation
{
    /// <summary>The history with one returned operation's result changed, or null when no operation has a result.</summary>
    public static History? ChangeOneResult(History history, Random rng)
    {
        var candidates = history.Operations
            .Select((op, i) => (op, i))
            .Where(x => !x.op.IsPending && HasResult(x.op))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var (target, index) = candidates[rng.Next(candidates.Count)];
        var ops = history.Operations.ToArray();
        ops[index] = Mutate(target, rng);
        return new History(ops);
    }

    private static bool HasResult(Operation op) =>
        op.Kind is not (OpKind.Store or OpKind.Delete or OpKind.Clear) && (op.Kind != OpKind.Range || op.Visited.Count > 0 || !op.Stopped);

    private static Operation Mutate(Operation op, Random rng)
    {
        switch (op.Kind)
        {
            case OpKind.CompareAndSwap or OpKind.CompareAndDelete:
                return With(op, !op.Ok, op.Value);
            case OpKind.Range:
                return MutateRange(op, rng);
            case OpKind.LoadOrStore when rng.Next(2) == 0:
                return With(op, !op.Ok, op.Value);
            case OpKind.LoadOrStore:
                return With(op, op.Ok, OtherValue(op.Value, rng));
            default:
                // Load, LoadAndDelete, Swap: a missing value found, a found one missed, or another value.
                if (!op.Ok)
                {
                    return With(op, true, OtherValue(null, rng));
                }

                return rng.Next(2) == 0 ? With(op, false, null) : With(op, true, OtherValue(op.Value, rng));
        }
    }

    private static Operation MutateRange(Operation op, Random rng)
    {
        var visited = op.Visited.ToList();
        var choice = visited.Count == 0 ? 0 : rng.Next(op.Stopped ? 2 : 3);
        if (choice == 0)
        {
            // Claim a pair it did not see.
            visited.Add(new KeyValuePair<object, object?>($"k{rng.Next(4)}", OtherValue(null, rng)));
        }
        else if (choice == 2)
        {
            // Skip a pair it saw, while claiming to have run to the end.
            visited.RemoveAt(rng.Next(visited.Count));
        }
        else
        {
            var i = rng.Next(visited.Count);
            visited[i] = new KeyValuePair<object, object?>(visited[i].Key, OtherValue(visited[i].Value, rng));
        }

        return new Operation(op.Process, op.Kind, null, null, null, op.Call, op.Return, visited: visited, stopped: op.Stopped);
    }

    private static Operation With(Operation op, bool ok, object? value) =>
        new(op.Process, op.Kind, op.Key, op.Arg, op.Expected, op.Call, op.Return, ok, value);

    private static object? OtherValue(object? current, Random rng)
    {
        object? next;
        do
        {
            var n = rng.Next(5);
            next = n == 4 ? null : (long)(n + 1);
        }
        while (Equals(next, current));
        return next;
    }
}
