namespace GoSync.Specs.Checking;

/// <summary>
/// Splits a history into one sub-history per key. Operations on different keys commute, so a history of single-key
/// operations is linearisable exactly when each key's sub-history is (Herlihy and Wing's locality). Range and Clear
/// touch many keys; each becomes one step per key, placed anywhere in its own interval (see docs/checker.md).
/// </summary>
internal static class Partitioner
{
    public static SplitResult Split(History history)
    {
        var keys = history.Keys;
        var byKey = new Dictionary<object, (List<KeyStep> Steps, ValueTable Values)>(keys.Count);
        foreach (var key in keys)
        {
            byKey[key] = ([], new ValueTable());
        }

        (Operation, object)? duplicate = null;
        foreach (var op in history.Operations)
        {
            switch (op.Kind)
            {
                case OpKind.Range:
                    duplicate ??= AddRange(op, keys, byKey);
                    break;
                case OpKind.Clear:
                    foreach (var (steps, _) in byKey.Values)
                    {
                        steps.Add(new KeyStep { Kind = StepKind.ClearDeletes, Source = op });
                    }

                    break;
                case OpKind.Load when op.IsPending:
                    break; // a read that never returned constrains nothing
                default:
                    var (list, values) = byKey[op.Key!];
                    list.Add(new KeyStep
                    {
                        Kind = StepKind.Call,
                        Source = op,
                        Arg = values.Id(op.Arg),
                        Expected = values.Id(op.Expected),
                        Ok = op.Ok,
                        Value = values.Id(op.Value),
                    });
                    break;
            }
        }

        var partitions = keys
            .Select(k => new Partition(k, byKey[k].Steps, byKey[k].Values))
            .Where(p => p.Steps.Count > 0)
            .ToList();
        return new SplitResult(partitions, duplicate);
    }

    // Returns the first key the Range visited twice, if any: Go's Range never does, whatever runs beside it.
    private static (Operation, object)? AddRange(
        Operation range, IReadOnlyList<object> keys, Dictionary<object, (List<KeyStep> Steps, ValueTable Values)> byKey)
    {
        if (range.IsPending)
        {
            return null; // its callback may have seen anything, and it promised nothing yet
        }

        var seen = new HashSet<object>();
        (Operation, object)? duplicate = null;
        foreach (var (key, value) in range.Visited)
        {
            if (!seen.Add(key))
            {
                duplicate ??= (range, key);
                continue;
            }

            var (steps, values) = byKey[key];
            steps.Add(new KeyStep { Kind = StepKind.RangeSaw, Source = range, Value = values.Id(value) });
        }

        if (!range.Stopped)
        {
            foreach (var key in keys)
            {
                if (!seen.Contains(key))
                {
                    byKey[key].Steps.Add(new KeyStep { Kind = StepKind.RangeMissed, Source = range });
                }
            }
        }

        return duplicate;
    }
}

/// <summary>The key partitions, and the first Range that visited a key twice, which no search can excuse.</summary>
internal sealed record SplitResult(List<Partition> Partitions, (Operation Range, object Key)? DuplicateVisit);
