namespace GoSync.Specs.Checking;

/// <summary>
/// Wing and Gong's search for a linearisation of one key's sub-history, with Lowe's memo of configurations, as in
/// Porcupine. The calls and returns form a time-ordered linked list; the search takes the first call it can place
/// (its results agree with the model and the configuration is new), lifts it out of the list and starts again from the
/// head. Reaching a return means the op that returns there cannot go first: undo the last placement and try the next
/// candidate after it.
/// </summary>
internal static class LinearizationSearch
{
    private const int None = -1;
    private const int Head = 0;

    public static SearchOutcome Run(Partition partition, Budget budget)
    {
        var steps = partition.Steps;
        var n = steps.Count;
        var list = EventList.Build(steps);
        var next = list.Next;
        var prev = list.Prev;
        var words = (n + 63) / 64;
        var linearized = new ulong[words];
        var zobrist = Zobrist(n);
        var memo = new MemoTable(words);
        var stackNode = new int[n];
        var stackState = new int[n];
        var depth = 0;
        var hash = 0UL;
        var state = ValueTable.Absent;
        var remaining = steps.Count(s => !s.IsPending);
        var best = new SearchOutcome(Verdict.NotLinearizable, [], None, ValueTable.Absent, 0);
        var bestDepth = -1;
        var iterations = 0L;

        var node = next[Head];
        while (remaining > 0)
        {
            if ((++iterations & 1023) == 0 && (budget.IsSpent || memo.Bytes > Budget.MemoBytesLimit))
            {
                return best with { Verdict = Verdict.Unknown, Configurations = memo.Count };
            }

            var op = list.Op[node];
            if (list.IsCall[node])
            {
                if (KeyModel.Step(state, steps[op], out var nextState))
                {
                    linearized[op >> 6] |= 1UL << op;
                    var nextHash = hash ^ zobrist[op];
                    if (memo.Add(linearized, nextState, nextHash ^ Mix(nextState)))
                    {
                        stackNode[depth] = node;
                        stackState[depth] = state;
                        depth++;
                        state = nextState;
                        hash = nextHash;
                        if (!steps[op].IsPending)
                        {
                            remaining--;
                        }

                        list.Lift(node);
                        node = next[Head];
                        continue;
                    }

                    linearized[op >> 6] &= ~(1UL << op);
                }

                node = next[node];
                continue;
            }

            // A return: the op returning here had to be placed by now and could not be.
            if (depth > bestDepth)
            {
                bestDepth = depth;
                best = new SearchOutcome(
                    Verdict.NotLinearizable,
                    [.. stackNode.Take(depth).Select(c => list.Op[c])],
                    op,
                    state,
                    0);
            }

            if (depth == 0)
            {
                return best with { Configurations = memo.Count };
            }

            depth--;
            node = stackNode[depth];
            state = stackState[depth];
            var undone = list.Op[node];
            linearized[undone >> 6] &= ~(1UL << undone);
            hash ^= zobrist[undone];
            if (!steps[undone].IsPending)
            {
                remaining++;
            }

            list.Unlift(node);
            node = next[node];
        }

        return new SearchOutcome(Verdict.Linearizable, [], None, state, memo.Count);
    }

    // The memo's hash of a configuration: the XOR of one random word per placed step (kept incrementally) mixed with
    // the state. Seeded, so runs are repeatable.
    private static ulong[] Zobrist(int n)
    {
        var z = new ulong[n];
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < n; i++)
        {
            x += 0x9E3779B97F4A7C15UL;
            z[i] = Mix64(x);
        }

        return z;
    }

    private static ulong Mix(int state) => Mix64((ulong)(uint)(state + 2) * 0xBF58476D1CE4E5B9UL);

    private static ulong Mix64(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// How a search ended. For a violation: the deepest run of placed steps it reached (indices into the partition's
/// steps, in order), the step that could not be placed after them, and the key's state there.
/// </summary>
internal sealed record SearchOutcome(Verdict Verdict, int[] Prefix, int Unplaced, int State, int Configurations);
