using GoSync.Specs;

namespace GoSync.StepLog;

/// <summary>What an entry's slot holds, as the model sees it: a value (<c>null</c> included), nil, expunged, or free (no entry yet).</summary>
public readonly record struct StepSlot
{
    private StepSlot(SlotState state, object? value) => (State, Value) = (state, value);

    /// <summary>Deleted: C#'s <c>null</c> slot.</summary>
    public static StepSlot Nil { get; } = new(SlotState.Nil, null);

    /// <summary>Deleted and left out of dirty: <c>Sentinels.Expunged</c>.</summary>
    public static StepSlot Expunged { get; } = new(SlotState.Expunged, null);

    /// <summary>No entry yet: the "before" of the step that creates one (the model's <c>Free</c> id).</summary>
    public static StepSlot Free { get; } = new(SlotState.Free, null);

    /// <summary>Which kind of content.</summary>
    public SlotState State { get; }

    /// <summary>The value of a live slot (a normalised JSON scalar, possibly null).</summary>
    public object? Value { get; }

    /// <summary>A live slot holding <paramref name="value"/>.</summary>
    public static StepSlot Live(object? value) => new(SlotState.Live, Scalar.Normalize(value));

    /// <summary><c>1</c>, <c>null</c>, <c>"nil"</c>, <c>"expunged"</c> or <c>"free"</c>: the slot as the log writes it.</summary>
    public override string ToString() => State switch
    {
        SlotState.Live => Scalar.Format(Value),
        SlotState.Nil => "nil",
        SlotState.Expunged => "expunged",
        _ => "free",
    };
}

/// <summary>The kinds of slot content.</summary>
public enum SlotState
{
    /// <summary>A value.</summary>
    Live,

    /// <summary>Deleted.</summary>
    Nil,

    /// <summary>Deleted and left out of dirty.</summary>
    Expunged,

    /// <summary>No entry yet.</summary>
    Free,
}
