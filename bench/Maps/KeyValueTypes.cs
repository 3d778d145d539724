using System.Globalization;

namespace GoSync.Benchmarks.Maps;

/// <summary>Key number n as a key of one type.</summary>
internal interface IKeyType<TKey>
    where TKey : notnull
{
    static abstract string Name { get; }

    static abstract TKey Of(long n);
}

/// <summary>Value number n as a value of one type.</summary>
internal interface IValueType<TValue>
{
    static abstract string Name { get; }

    static abstract TValue Of(long n);
}

/// <summary>Go's keys: the number itself.</summary>
internal readonly struct LongKeys : IKeyType<long>
{
    public static string Name => "long";

    public static long Of(long n) => n;
}

/// <summary>
/// The number's low 32 bits, with worker w's start (w × 2^40, <see cref="Workloads.WorkerState"/>) folded into bits
/// 26 and up, so that workers' "unique" keys stay apart as they do for <c>long</c>; keys 0–1023 are themselves.
/// </summary>
internal readonly struct IntKeys : IKeyType<int>
{
    public static string Name => "int";

    public static int Of(long n) => unchecked((int)n ^ ((int)(n >> 40) << 26));
}

/// <summary>
/// "key-n": made once for the 1024 numbers every read-mostly workload uses, so a lookup allocates nothing (and finds
/// the stored instance, as a cache keyed by interned or long-lived strings does); a new string for any other number.
/// </summary>
internal readonly struct StringKeys : IKeyType<string>
{
    private static readonly string[] Cached = Enumerable.Range(0, KeyCache.Size).Select(n => Make(n)).ToArray();

    public static string Name => "string";

    public static string Of(long n) => (ulong)n < KeyCache.Size ? Cached[n] : Make(n);

    private static string Make(long n) => "key-" + n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Random-looking Guids (a fixed seed), made once for numbers 0–1023; any other number spelled into one.</summary>
internal readonly struct GuidKeys : IKeyType<Guid>
{
    private static readonly Guid[] Cached = MakeCached();

    public static string Name => "Guid";

    public static Guid Of(long n) =>
        (ulong)n < KeyCache.Size ? Cached[n] : new Guid((int)n, (short)(n >> 32), (short)(n >> 48), 7, 7, 7, 7, 7, 7, 7, 7);

    private static Guid[] MakeCached()
    {
        var random = new Random(1024);
        var bytes = new byte[16];
        var guids = new Guid[KeyCache.Size];
        for (var i = 0; i < guids.Length; i++)
        {
            random.NextBytes(bytes);
            guids[i] = new Guid(bytes);
        }

        return guids;
    }
}

/// <summary>How many key numbers the string and Guid key types make in advance.</summary>
internal static class KeyCache
{
    public const int Size = 1024;
}

/// <summary>Go's values: a reference (a shared box per residue, <see cref="Workloads.Values"/>).</summary>
internal readonly struct RefValues : IValueType<object>
{
    public static string Name => "ref";

    public static object Of(long n) => Workloads.Values.Of(n);
}

/// <summary>A value type: the number modulo 1024, the same values the boxes hold.</summary>
internal readonly struct IntValues : IValueType<int>
{
    public static string Name => "int";

    public static int Of(long n) => (int)(n & (KeyCache.Size - 1));
}

/// <summary>The key and value types of the suite, by name ("key/value").</summary>
internal static class TypePairs
{
    /// <summary>Go's types, which every workload and map runs with.</summary>
    public const string Go = "long/ref";

    /// <summary>Every pair, Go's first.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Go, "int/ref", "string/ref", "Guid/ref", "long/int", "int/int", "string/int", "Guid/int",
    ];
}
