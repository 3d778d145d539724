namespace GoSync.Specs.Checking;

/// <summary>
/// Interns the values of one key partition as small integers, so the search's state is one int: -1 for absent, else
/// the id of the value held. Null is id 0.
/// </summary>
internal sealed class ValueTable
{
    public const int Absent = -1;
    public const int Null = 0;

    private readonly Dictionary<object, int> _ids = [];
    private readonly List<object?> _values = [null];

    public int Id(object? value)
    {
        if (value is null)
        {
            return Null;
        }

        if (!_ids.TryGetValue(value, out var id))
        {
            id = _values.Count;
            _ids.Add(value, id);
            _values.Add(value);
        }

        return id;
    }

    public object? Value(int id) => _values[id];

    /// <summary>A state as text: <c>absent</c> or the JSON value held.</summary>
    public string Describe(int state) => state == Absent ? "absent" : Scalar.Format(_values[state]);
}
