namespace GoSync.Tools.Check;

/// <summary>
/// Why a history could not be checked, as one line: <c>file:line: field: reason</c>. The line is 0 and the field
/// <c>file</c> when the file as a whole is at fault (missing, a folder without histories, empty, unreadable); the field
/// is <c>line</c> when a line as a whole is (not JSON, not an object, not UTF-8). A field name that is not a plain
/// identifier (an unknown field can be called anything) is written as a JSON string, so the line stays parseable.
/// </summary>
/// <param name="File">The file as the user named it; <c>&lt;stdin&gt;</c> for standard input.</param>
/// <param name="Line">The 1-based line, or 0 for the file as a whole.</param>
/// <param name="Field">The JSON field at fault, <c>line</c> or <c>file</c>.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record Diagnostic(string File, int Line, string Field, string Reason)
{
    /// <summary>The field of a diagnostic about the file as a whole.</summary>
    public const string WholeFile = "file";

    /// <summary>The field of a diagnostic about a line as a whole.</summary>
    public const string WholeLine = "line";

    /// <summary>The diagnostic as one line, with any line break or control character in it made visible.</summary>
    public override string ToString() => OneLine($"{File}:{Line}: {FieldText(Field)}: {Reason}");

    private static string FieldText(string field) =>
        field.Length > 0 && (char.IsAsciiLetter(field[0]) || field[0] == '_') && field.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? field
            : System.Text.Json.JsonSerializer.Serialize(field);

    /// <summary>Replaces line breaks and other control characters so that the text is one printable line.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The text, with each control character written as <c>\uXXXX</c>.</returns>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var b = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = char.IsControl(c) ? b.Append($"\\u{(int)c:x4}") : b.Append(c);
        }

        return b.ToString();
    }
}
