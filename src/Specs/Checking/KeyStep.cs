namespace GoSync.Specs.Checking;

/// <summary>What a step is to its key: the source operation itself, or the part of a Range or Clear that concerns it.</summary>
internal enum StepKind : byte
{
    /// <summary>A single-key operation (<see cref="KeyStep.Op"/> says which).</summary>
    Call,

    /// <summary>A Range visited the key with a value: the key held that value at the step's point.</summary>
    RangeSaw,

    /// <summary>A Range that ran to the end did not visit the key: the key was absent at the step's point.</summary>
    RangeMissed,

    /// <summary>A Clear's effect on this key: deletes it at the step's point.</summary>
    ClearDeletes,
}

/// <summary>
/// One step of a key's sub-history: an operation on the key, or the part of a Range or Clear that concerns it. Its
/// linearisation point lies in its source operation's interval. Values are ids of the partition's
/// <see cref="ValueTable"/>.
/// </summary>
internal sealed class KeyStep
{
    public required StepKind Kind { get; init; }

    /// <summary>The source operation's kind: which operation a <see cref="StepKind.Call"/> step is.</summary>
    public OpKind Op => Source.Kind;

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
