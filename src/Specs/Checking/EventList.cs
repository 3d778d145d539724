namespace GoSync.Specs.Checking;

/// <summary>
/// The calls and returns of a partition's steps as a doubly linked list in time order, in arrays: node 0 is the head,
/// node 2i+1 the call of step i and 2i+2 its return. At equal timestamps calls come first, so that the two steps count
/// as overlapping: the lenient reading of a tie.
/// </summary>
internal sealed class EventList
{
    private const int None = -1;

    private EventList(int nodes)
    {
        Next = new int[nodes];
        Prev = new int[nodes];
        Op = new int[nodes];
        IsCall = new bool[nodes];
    }

    public int[] Next { get; }

    public int[] Prev { get; }

    public int[] Op { get; }

    public bool[] IsCall { get; }

    public static EventList Build(List<KeyStep> steps)
    {
        var n = steps.Count;
        var list = new EventList((2 * n) + 1);
        var order = new int[2 * n];
        var time = new long[2 * n];
        for (var i = 0; i < n; i++)
        {
            order[2 * i] = (2 * i) + 1;
            order[(2 * i) + 1] = (2 * i) + 2;
            time[2 * i] = steps[i].Call;
            time[(2 * i) + 1] = steps[i].Return;
            list.Op[(2 * i) + 1] = i;
            list.Op[(2 * i) + 2] = i;
            list.IsCall[(2 * i) + 1] = true;
        }

        // Sort nodes by (time, returns after calls, node) so that the order does not depend on the sort's stability.
        Array.Sort(order, (a, b) =>
        {
            var c = time[a - 1].CompareTo(time[b - 1]);
            if (c != 0)
            {
                return c;
            }

            c = list.IsCall[b].CompareTo(list.IsCall[a]);
            return c != 0 ? c : a.CompareTo(b);
        });

        var last = 0;
        list.Prev[0] = None;
        foreach (var node in order)
        {
            list.Next[last] = node;
            list.Prev[node] = last;
            last = node;
        }

        list.Next[last] = None;
        return list;
    }

    /// <summary>Takes a call and its return out of the list; their own links stay, for <see cref="Unlift"/>.</summary>
    public void Lift(int call)
    {
        var ret = call + 1;
        Next[Prev[call]] = Next[call];
        if (Next[call] != None)
        {
            Prev[Next[call]] = Prev[call];
        }

        Next[Prev[ret]] = Next[ret];
        if (Next[ret] != None)
        {
            Prev[Next[ret]] = Prev[ret];
        }
    }

    /// <summary>Puts back the last call lifted, and its return, where they were.</summary>
    public void Unlift(int call)
    {
        var ret = call + 1;
        Next[Prev[ret]] = ret;
        if (Next[ret] != None)
        {
            Prev[Next[ret]] = ret;
        }

        Next[Prev[call]] = call;
        if (Next[call] != None)
        {
            Prev[Next[call]] = call;
        }
    }
}
