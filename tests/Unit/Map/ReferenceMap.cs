namespace GoSync.Tests.Map;

/// <summary>The obviously correct map the model-based tests compare against: a lock around a dictionary.</summary>
internal sealed class ReferenceMap
{
    private readonly object _gate = new();
    private readonly Dictionary<int, int?> _map = new();

    public bool TryLoad(int key, out int? value)
    {
        lock (_gate)
        {
            return _map.TryGetValue(key, out value);
        }
    }

    public void Store(int key, int? value)
    {
        lock (_gate)
        {
            _map[key] = value;
        }
    }

    public int? LoadOrStore(int key, int? value, out bool loaded)
    {
        lock (_gate)
        {
            loaded = _map.TryGetValue(key, out var actual);
            if (loaded)
            {
                return actual;
            }

            _map[key] = value;
            return value;
        }
    }

    public bool TryLoadAndDelete(int key, out int? value)
    {
        lock (_gate)
        {
            return _map.Remove(key, out value);
        }
    }

    public bool Swap(int key, int? value, out int? previous)
    {
        lock (_gate)
        {
            var loaded = _map.TryGetValue(key, out previous);
            _map[key] = value;
            return loaded;
        }
    }

    public bool CompareAndSwap(int key, int? expected, int? value)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var current) || current != expected)
            {
                return false;
            }

            _map[key] = value;
            return true;
        }
    }

    public bool CompareAndDelete(int key, int? expected)
    {
        lock (_gate)
        {
            return _map.TryGetValue(key, out var current) && current == expected && _map.Remove(key);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _map.Clear();
        }
    }

    public Dictionary<int, int?> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<int, int?>(_map);
        }
    }
}
