namespace GoSync.Specs.Checking;

/// <summary>
/// Lowe's memo: the configurations (set of linearised steps, model state) the search has already reached. A
/// configuration seen once need not be explored again, which turns Wing and Gong's exponential search into one that
/// is usually linear in the history's length. Stored flat: one bitset of <c>words</c> longs per entry in one array,
/// found through an open-addressed table of hashes, so that an entry costs no object and no pointer.
/// </summary>
internal sealed class MemoTable
{
    private readonly int _words;
    private ulong[] _bits;
    private int[] _states;
    private ulong[] _hashes;
    private int[] _slots; // entry index + 1; 0 is empty
    private int _count;

    public MemoTable(int words)
    {
        _words = words;
        _bits = new ulong[64 * words];
        _states = new int[64];
        _hashes = new ulong[64];
        _slots = new int[128];
    }

    public int Count => _count;

    /// <summary>An estimate of the memory held, to stop a search before it eats the machine.</summary>
    public long Bytes => ((long)_bits.Length * 8) + ((long)_states.Length * 12) + ((long)_slots.Length * 4);

    /// <summary>Adds a configuration; false when it was there already.</summary>
    public bool Add(ReadOnlySpan<ulong> bits, int state, ulong hash)
    {
        var mask = _slots.Length - 1;
        var i = (int)(hash & (ulong)mask);
        while (_slots[i] != 0)
        {
            var e = _slots[i] - 1;
            if (_hashes[e] == hash && _states[e] == state && bits.SequenceEqual(_bits.AsSpan(e * _words, _words)))
            {
                return false;
            }

            i = (i + 1) & mask;
        }

        if (_count == _states.Length)
        {
            Grow();
            return Add(bits, state, hash);
        }

        bits.CopyTo(_bits.AsSpan(_count * _words, _words));
        _states[_count] = state;
        _hashes[_count] = hash;
        _slots[i] = ++_count;
        return true;
    }

    private void Grow()
    {
        var capacity = _states.Length * 2;
        Array.Resize(ref _bits, capacity * _words);
        Array.Resize(ref _states, capacity);
        Array.Resize(ref _hashes, capacity);
        _slots = new int[capacity * 2]; // load factor at most one half
        var mask = _slots.Length - 1;
        for (var e = 0; e < _count; e++)
        {
            var i = (int)(_hashes[e] & (ulong)mask);
            while (_slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = e + 1;
        }
    }
}
