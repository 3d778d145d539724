using System.Collections.Immutable;

namespace GoSync.Specs;

/// <summary>The state of the sequential model: an immutable map from keys to values (a value may be null).</summary>
public sealed class MapState
{
    private readonly ImmutableDictionary<object, object?> _entries;

    private MapState(ImmutableDictionary<object, object?> entries) => _entries = entries;

    /// <summary>The empty map, where every history starts.</summary>
    public static MapState Empty { get; } = new(ImmutableDictionary<object, object?>.Empty);

    /// <summary>How many keys are present.</summary>
    public int Count => _entries.Count;

    /// <summary>The present keys and their values, in no particular order.</summary>
    public IEnumerable<KeyValuePair<object, object?>> Entries => _entries;

    /// <summary>The value of a key, if present.</summary>
    /// <param name="key">A key.</param>
    /// <param name="value">Its value, or null when absent.</param>
    /// <returns>Whether the key is present.</returns>
    public bool TryGetValue(object key, out object? value) => _entries.TryGetValue(Scalar.Normalize(key)!, out value);

    /// <summary>The state with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    /// <param name="key">A key.</param>
    /// <param name="value">Its new value.</param>
    /// <returns>A new state; this one is unchanged.</returns>
    public MapState With(object key, object? value) =>
        new(_entries.SetItem(Scalar.Normalize(key)!, Scalar.Normalize(value)));

    /// <summary>The state without <paramref name="key"/>.</summary>
    /// <param name="key">A key.</param>
    /// <returns>A new state; this one is unchanged.</returns>
    public MapState Without(object key) => new(_entries.Remove(Scalar.Normalize(key)!));

    /// <summary>For example <c>{"x": 1, "y": null}</c>, keys in JSON order of their text.</summary>
    /// <returns>The entries as JSON-like text.</returns>
    public override string ToString() =>
        "{" + string.Join(", ", _entries.Select(e => $"{Scalar.Format(e.Key)}: {Scalar.Format(e.Value)}").Order(StringComparer.Ordinal)) + "}";
}
