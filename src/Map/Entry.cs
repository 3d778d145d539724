using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoSync;

/// <summary>
/// One key's value slot (Go's <c>entry</c>). The same entry object is shared by <c>read</c> and <c>dirty</c>, so a
/// lock-free update through <c>read</c> is seen by <c>dirty</c> too. The slot changes only by <see cref="Volatile"/> and
/// <see cref="Interlocked"/> operations, which is also what lets Coyote interleave them.
/// </summary>
/// <remarks>
/// Slot states: a wrapped live value; <c>null</c> (deleted, and <c>dirty</c> is null or maps the key to this entry);
/// <see cref="Sentinels.Expunged"/> (deleted, and absent from a non-null <c>dirty</c>). Lock-free transitions are
/// live→live, live→null and null→live; null→expunged and expunged→null happen only under the map's lock.
/// </remarks>
internal sealed partial class Entry<TValue>(object live)
{
    private object? _slot = live;

    /// <summary>
    /// The slot representation of a value: the reference itself for reference types (so storing one allocates
    /// nothing), a box for value types, and <see cref="Sentinels.NullValue"/> for <c>null</c>.
    /// </summary>
    internal static object Wrap(TValue value) => (object?)value ?? Sentinels.NullValue;

    /// <summary>The value a live slot holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TValue Unwrap(object live)
    {
        if (ReferenceEquals(live, Sentinels.NullValue))
        {
            return default!;
        }

        return typeof(TValue).IsValueType ? (TValue)live : Unsafe.As<object, TValue>(ref live);
    }

    /// <summary>The raw slot, for invariant checks.</summary>
    internal object? Peek() => Volatile.Read(ref _slot);

    /// <summary>Whether the entry is expunged; under the map's lock the answer cannot change until the lock is released.</summary>
    internal bool IsExpunged
    {
        get
        {
            var p = Volatile.Read(ref _slot);
            StepUnexpungeSkipped(p);
            return ReferenceEquals(p, Sentinels.Expunged);
        }
    }

    /// <summary>Go <c>entry.load</c>: the value, when the entry is live.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryLoad([MaybeNullWhen(false)] out TValue value)
    {
        var p = Volatile.Read(ref _slot);
        StepRead("LoadSlot", p);
        if (p is null || ReferenceEquals(p, Sentinels.Expunged))
        {
            value = default;
            return false;
        }

        value = Unwrap(p);
        return true;
    }

    /// <summary>
    /// Go <c>entry.tryLoadOrStore</c>: loads a live value or stores <paramref name="value"/> into a deleted slot.
    /// Returns false, changing nothing, when the entry is expunged (the caller must take the slow path).
    /// The value is wrapped only when it is stored, so a hit allocates nothing even for value types.
    /// </summary>
    internal bool TryLoadOrStore(TValue value, out TValue actual, out bool loaded)
    {
        var p = Volatile.Read(ref _slot);
        StepRead("LosRead", p);
        if (p is null)
        {
            // A failed CAS returns the value that beat it: the operation is linearised at that CAS as a load of
            // that value (or as a failure, when it is expunged), so unlike Go's loop no retry is needed.
            p = Interlocked.CompareExchange(ref _slot, Wrap(value), null);
            StepStore("LosCas", p, value);
            if (p is null)
            {
                actual = value;
                loaded = false;
                return true;
            }
        }

        if (ReferenceEquals(p, Sentinels.Expunged))
        {
            actual = default!;
            loaded = false;
            return false;
        }

        actual = Unwrap(p);
        loaded = true;
        return true;
    }

    /// <summary>
    /// Go <c>entry.trySwap</c>: replaces the slot unless the entry is expunged. <paramref name="previous"/> is the old
    /// wrapped value, or null when the entry was deleted; <paramref name="wrapped"/> is the value wrapped for the slot,
    /// which the caller's slow path reuses when the entry was expunged (null when the store was skipped).
    /// </summary>
    /// <remarks>
    /// A store of the very value the slot holds (<see cref="HoldsSame"/>) writes nothing: the read is its
    /// linearisation point, as if the compare-exchange had followed it at once and written an equal value. That
    /// saves a value type's box and, for every type, the write that would take the cache line from other cores.
    /// </remarks>
    internal bool TrySwap(TValue value, out object? wrapped, out object? previous)
    {
        var p = Volatile.Read(ref _slot);
        StepRead("SwapRead", p);
        if (HoldsSame(p, value))
        {
            StepCas("SwapCas", p, p, p); // SwapRead then, with no step between, a SwapCas that writes the same value
            wrapped = null;
            previous = p;
            return true;
        }

        wrapped = Wrap(value);
        while (!ReferenceEquals(p, Sentinels.Expunged))
        {
            var witness = Interlocked.CompareExchange(ref _slot, wrapped, p);
            StepCas("SwapCas", witness, p, wrapped);
            if (ReferenceEquals(witness, p))
            {
                previous = p;
                return true;
            }

            p = witness;
        }

        previous = null;
        return false;
    }

    /// <summary>
    /// Whether the slot content <paramref name="p"/> is <paramref name="value"/> itself: the same reference, or the same
    /// bits of a value type whose bits are its value (<see cref="BitsAreTheValue"/>). Null and expunged slots never
    /// are. No user code is called: a value comparer may call equal what is not the same (0.0 and -0.0; two strings of
    /// one text), and a store of those must still replace the value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HoldsSame(object? p, TValue value)
    {
        if (!typeof(TValue).IsValueType)
        {
            return ReferenceEquals(p, (object?)value ?? Sentinels.NullValue);
        }

        if (!BitsAreTheValue || p is not TValue current)
        {
            return false;
        }

        return Unsafe.SizeOf<TValue>() switch
        {
            1 => Unsafe.As<TValue, byte>(ref current) == Unsafe.As<TValue, byte>(ref value),
            2 => Unsafe.As<TValue, ushort>(ref current) == Unsafe.As<TValue, ushort>(ref value),
            4 => Unsafe.As<TValue, uint>(ref current) == Unsafe.As<TValue, uint>(ref value),
            8 => Unsafe.As<TValue, ulong>(ref current) == Unsafe.As<TValue, ulong>(ref value),
            _ => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TValue, byte>(ref current), Unsafe.SizeOf<TValue>())
                .SequenceEqual(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TValue, byte>(ref value), Unsafe.SizeOf<TValue>())),
        };
    }

    /// <summary>
    /// Primitive types, enums and <see cref="Guid"/>: value types with no padding and no references. Padding bytes are
    /// not part of a value (a <c>Nullable&lt;int&gt;</c> has three), so for other structs one value could compare unequal
    /// to itself at random, and a store that skipped at random would make a Coyote schedule replay differently.
    /// </summary>
    private static readonly bool BitsAreTheValue = typeof(TValue).IsPrimitive || typeof(TValue).IsEnum || typeof(TValue) == typeof(Guid);

    /// <summary>Go <c>entry.swapLocked</c>: the caller holds the lock and knows the entry is not expunged.</summary>
    internal object? SwapLocked(object wrapped)
    {
        var previous = Interlocked.Exchange(ref _slot, wrapped);
        StepCas("SwapExchange", previous, previous, wrapped);
        return previous;
    }

    /// <summary>Go <c>entry.unexpungeLocked</c>: expunged→null; the caller puts the entry back into <c>dirty</c>.</summary>
    internal bool UnexpungeLocked()
    {
        var witness = Interlocked.CompareExchange(ref _slot, null, Sentinels.Expunged);
        StepCas("Unexpunge", witness, Sentinels.Expunged, null);
        return ReferenceEquals(witness, Sentinels.Expunged);
    }

    /// <summary>
    /// Go <c>entry.tryExpungeLocked</c>: null→expunged, by CAS because a lock-free store may revive the entry at any
    /// moment. True when the entry is (now) expunged and must be left out of a new <c>dirty</c>.
    /// </summary>
    internal bool TryExpungeLocked()
    {
        var p = Volatile.Read(ref _slot);
        StepRead("DirtyNext", p);
        while (p is null)
        {
            p = Interlocked.CompareExchange(ref _slot, Sentinels.Expunged, null);
            StepCas("DirtyCas", p, null, Sentinels.Expunged);
            if (p is null)
            {
                return true;
            }
        }

        return ReferenceEquals(p, Sentinels.Expunged);
    }

    /// <summary>Go <c>entry.delete</c>: live→null, returning the value that was deleted.</summary>
    internal bool TryDelete([MaybeNullWhen(false)] out TValue value)
    {
        var p = Volatile.Read(ref _slot);
        StepRead("DelRead", p);
        while (p is not null && !ReferenceEquals(p, Sentinels.Expunged))
        {
            var witness = Interlocked.CompareExchange(ref _slot, null, p);
            StepCas("DelCas", witness, p, null);
            if (ReferenceEquals(witness, p))
            {
                value = Unwrap(p);
                return true;
            }

            p = witness;
        }

        value = default;
        return false;
    }

    /// <summary>Go <c>entry.tryCompareAndSwap</c>: replaces a live value equal to <paramref name="expected"/>.</summary>
    internal bool TryCompareAndSwap(TValue expected, TValue value, IEqualityComparer<TValue> comparer)
    {
        object? wrapped = null;
        var p = Volatile.Read(ref _slot);
        StepRead("CasRead", p);
        while (p is not null && !ReferenceEquals(p, Sentinels.Expunged) && comparer.Equals(Unwrap(p), expected))
        {
            wrapped ??= Wrap(value);
            var witness = Interlocked.CompareExchange(ref _slot, wrapped, p);
            StepCas("CasCas", witness, p, wrapped);
            if (ReferenceEquals(witness, p))
            {
                return true;
            }

            p = witness;
        }

        return false;
    }

    /// <summary>The loop of Go's <c>CompareAndDelete</c>: live→null when the value equals <paramref name="expected"/>.</summary>
    internal bool TryCompareAndDelete(TValue expected, IEqualityComparer<TValue> comparer)
    {
        var p = Volatile.Read(ref _slot);
        StepRead("CadRead", p);
        while (p is not null && !ReferenceEquals(p, Sentinels.Expunged) && comparer.Equals(Unwrap(p), expected))
        {
            var witness = Interlocked.CompareExchange(ref _slot, null, p);
            StepCas("CadCas", witness, p, null);
            if (ReferenceEquals(witness, p))
            {
                return true;
            }

            p = witness;
        }

        return false;
    }
}
