namespace GoSync;

/// <summary>
/// Process-wide marker objects stored in an entry's value slot. A slot holds one of:
/// <c>null</c> (deleted; <c>dirty</c> is null or maps the key to this entry),
/// <see cref="Expunged"/> (deleted and absent from a non-null <c>dirty</c>),
/// or a live value wrapped by <see cref="Entry{TValue}.Wrap"/>.
/// </summary>
internal static class Sentinels
{
    /// <summary>The slot of an entry that is deleted and left out of <c>dirty</c>.</summary>
    internal static readonly object Expunged = new();

    /// <summary>Stands for a stored <c>null</c> value, so that a <c>null</c> slot can mean "deleted".</summary>
    internal static readonly object NullValue = new();
}
