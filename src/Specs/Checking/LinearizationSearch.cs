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
        // The placements form a tree: each remembers the one before it, so the deepest prefix is kept by one index
        // instead of a copy of the stack at every new depth, which would be quadratic.
        var chain = new PrefixChain();
        var stackChain = new int[n];
        var top = PrefixChain.Root;
        var bestDepth = -1;
        var bestTop = PrefixChain.Root;
        var unplaced = None;
        var unplacedState = ValueTable.Absent;
        var iterations = 0L;

        var node = next[Head];
        while (remaining > 0)
        {
            if ((++iterations & 1023) == 0 && (budget.IsSpent || memo.Bytes > Budget.MemoBytesLimit))
            {
                return new SearchOutcome(Verdict.Unknown, chain.Prefix(bestTop), unplaced, unplacedState, memo.Count);
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
                        stackChain[depth] = top;
                        depth++;
                        top = chain.Add(op, top);
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
                bestTop = top;
                unplaced = op;
                unplacedState = state;
            }

            if (depth == 0)
            {
                return new SearchOutcome(Verdict.NotLinearizable, chain.Prefix(bestTop), unplaced, unplacedState, memo.Count);
            }

            depth--;
            node = stackNode[depth];
            state = stackState[depth];
            top = stackChain[depth];
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

/// <summary>The placements made so far, as a tree of (step, previous placement) in two growable arrays.</summary>
internal sealed class PrefixChain
{
    public const int Root = -1;

    private int[] _op = new int[256];
    private int[] _parent = new int[256];
    private int _count;

    public int Add(int op, int parent)
    {
        if (_count == _op.Length)
        {
            Array.Resize(ref _op, _count * 2);
            Array.Resize(ref _parent, _count * 2);
        }

        _op[_count] = op;
        _parent[_count] = parent;
        return _count++;
    }

    /// <summary>The steps from the first placement to <paramref name="top"/>, in order.</summary>
    public int[] Prefix(int top)
    {
        var steps = new List<int>();
        for (var at = top; at != Root; at = _parent[at])
        {
            steps.Add(_op[at]);
        }

        steps.Reverse();
        return [.. steps];
    }
}

/// <summary>
/// How a search ended. For a violation: the deepest run of placed steps it reached (indices into the partition's
/// steps, in order), the step that could not be placed after them, and the key's state there.
/// </summary>
internal sealed record SearchOutcome(Verdict Verdict, int[] Prefix, int Unplaced, int State, int Configurations);
