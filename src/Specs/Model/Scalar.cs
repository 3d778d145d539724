using System.Globalization;
using System.Text;

namespace GoSync.Specs;

/// <summary>
/// Keys and values in a history are JSON scalars: strings, numbers or <c>null</c>. They are kept as <see cref="string"/>,
/// <see cref="long"/> (every integral number that fits) or <see cref="double"/>, so that plain <see cref="object.Equals(object, object)"/>
/// compares them as JSON values (<c>1</c> and <c>1.0</c> are equal; <c>1</c> and <c>"1"</c> are not).
/// </summary>
public static class Scalar
{
    /// <summary>Whether <paramref name="value"/> can be a key or value in a history.</summary>
    /// <param name="value">A candidate key or value.</param>
    /// <returns>True for null, strings, integers and finite floating point numbers.</returns>
    public static bool IsSupported(object? value) => TryNormalize(value, out _);

    /// <summary>Brings a scalar to its canonical representation.</summary>
    /// <param name="value">Null, a string, an integer or a finite floating point number.</param>
    /// <returns>Null, a <see cref="string"/>, a <see cref="long"/> or a <see cref="double"/>.</returns>
    /// <exception cref="ArgumentException">The value is of another type, or a non-finite number.</exception>
    public static object? Normalize(object? value) =>
        TryNormalize(value, out var normalized)
            ? normalized
            : throw new ArgumentException(
                $"a history holds only JSON strings, numbers and null, not {value!.GetType().Name} '{value}'",
                nameof(value));

    /// <summary>Whether two scalars are equal as JSON values.</summary>
    /// <param name="a">A scalar.</param>
    /// <param name="b">Another scalar.</param>
    /// <returns>True when they are the same JSON value.</returns>
    public static bool AreEqual(object? a, object? b) => Equals(Normalize(a), Normalize(b));

    /// <summary>The scalar as JSON text, as it appears in a history file and in explanations.</summary>
    /// <param name="value">A scalar.</param>
    /// <returns>For example <c>"x"</c>, <c>3</c> or <c>null</c>.</returns>
    public static string Format(object? value) => Normalize(value) switch
    {
        null => "null",
        string s => Quote(s),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        var other => throw new InvalidOperationException($"unexpected scalar {other}"),
    };

    // JSON string syntax, escaping only what JSON requires, so that explanations show text as written. (Not
    // JsonSerializer: its first call costs a noticeable fraction of a second, which the checker's timing would show.)
    private static string Quote(string s)
    {
        var b = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => b.Append("\\\""),
                '\\' => b.Append("\\\\"),
                '\n' => b.Append("\\n"),
                '\r' => b.Append("\\r"),
                '\t' => b.Append("\\t"),
                < ' ' => b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => b.Append(c),
            };
        }

        return b.Append('"').ToString();
    }

    private static bool TryNormalize(object? value, out object? normalized)
    {
        normalized = value switch
        {
            null => null,
            string s => s,
            long l => l,
            int i => (long)i,
            short s16 => (long)s16,
            sbyte s8 => (long)s8,
            byte u8 => (long)u8,
            ushort u16 => (long)u16,
            uint u32 => (long)u32,
            ulong u64 when u64 <= long.MaxValue => (long)u64,
            double d when double.IsFinite(d) => FromDouble(d),
            float f when float.IsFinite(f) => FromDouble(f),
            decimal m => FromDecimal(m),
            _ => Unsupported.Instance,
        };
        return !ReferenceEquals(normalized, Unsupported.Instance);
    }

    // An integral double is the same JSON value as the integer, so both must normalise to one representation.
    private static object FromDouble(double d) =>
        Math.Floor(d) == d && d >= long.MinValue && d < long.MaxValue ? (object)(long)d : d;

    private static object FromDecimal(decimal m) =>
        decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue ? (object)(long)m : FromDouble((double)m);

    private sealed class Unsupported
    {
        public static readonly Unsupported Instance = new();
    }
}
