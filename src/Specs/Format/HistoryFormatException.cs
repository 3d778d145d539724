namespace GoSync.Specs;

/// <summary>A history file that is not well formed, with the line and the field at fault.</summary>
public sealed class HistoryFormatException : Exception
{
    /// <summary>Creates the exception; the message reads <c>line N: field 'x': what is wrong</c>.</summary>
    /// <param name="line">The 1-based line of the file.</param>
    /// <param name="field">The field at fault, or null when the line as a whole is (not JSON, not an object).</param>
    /// <param name="problem">What is wrong.</param>
    public HistoryFormatException(int line, string? field, string problem)
        : base(field is null ? $"line {line}: {problem}" : $"line {line}: field '{field}': {problem}")
    {
        LineNumber = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The 1-based line of the file.</summary>
    public int LineNumber { get; }

    /// <summary>The field at fault, or null when the line as a whole is.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }
}
