namespace GoSync.StepLog;

/// <summary>The names a step log's <c>action</c> may take: the actions of <c>tla/SyncMap.tla</c>'s <c>Step(t)</c> that the
/// correct code implements, and <see cref="Unlock"/>.</summary>
public static class ModelActions
{
    /// <summary>The end of a multi-step locked region logged apart from its last slot step (the model's <c>Unlock</c> operator).</summary>
    public const string Unlock = "Unlock";

    /// <summary>An operation's first step.</summary>
    public const string Begin = "Begin";

    /// <summary>Range's read of a slot, or its end when <c>todo</c> is empty.</summary>
    public const string RangeNext = "RangeNext";

    /// <summary>DirtyLocked's read of a slot, or AddToDirtyLocked's end.</summary>
    public const string DirtyNext = "DirtyNext";

    /// <summary>Entry.TryLoad's read, named LoadSlot unless Range made it.</summary>
    public const string LoadSlot = "LoadSlot";

    /// <summary>Entry.SwapLocked's exchange: it ends its locked region.</summary>
    public const string SwapExchange = "SwapExchange";
}
