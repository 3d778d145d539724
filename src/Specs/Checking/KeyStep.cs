namespace GoSync.Specs.Checking;

/// <summary>What a step does to its key. The first eight are the map's operations on that key.</summary>
internal enum StepKind : byte
{
    Load,
    Store,
    LoadOrStore,
    LoadAndDelete,
    Delete,
    Swap,
    CompareAndSwap,
    CompareAndDelete,

    /// <summary>A Range visited the key with a value: the key held that value at the step's point.</summary>
    RangeSaw,

    /// <summary>A Range that ran to the end did not visit the key: the key was absent at the step's point.</summary>
    RangeMissed,

    /// <summary>A Clear's effect on this key: deletes it at the step's point.</summary>
    ClearDeletes,
}

/// <summary>The step of a single-key operation, by name: a cast would silently pair the wrong kinds if either enum were reordered.</summary>
internal static class StepKinds
{
    public static StepKind Of(OpKind kind) => kind switch
    {
        OpKind.Load => StepKind.Load,
        OpKind.Store => StepKind.Store,
        OpKind.LoadOrStore => StepKind.LoadOrStore,
        OpKind.LoadAndDelete => StepKind.LoadAndDelete,
        OpKind.Delete => StepKind.Delete,
        OpKind.Swap => StepKind.Swap,
        OpKind.CompareAndSwap => StepKind.CompareAndSwap,
        OpKind.CompareAndDelete => StepKind.CompareAndDelete,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Range and Clear are split into steps per key, not mapped."),
    };
}

/// <summary>
/// One step of a key's sub-history: an operation on the key, or the part of a Range or Clear that concerns it. Its
/// linearisation point lies in its source operation's interval. Values are ids of the partition's
/// <see cref="ValueTable"/>.
/// </summary>
internal sealed class KeyStep
{
    public required StepKind Kind { get; init; }

    public required Operation Source { get; init; }

    public int Arg { get; init; }

    public int Expected { get; init; }

    public bool Ok { get; init; }

    public int Value { get; init; }

    public long Call => Source.Call;

    /// <summary>The return timestamp; <see cref="long.MaxValue"/> for a pending call, which may take effect at any later time or never.</summary>
    public long Return => Source.Return ?? long.MaxValue;

    public bool IsPending => Source.IsPending;
}
