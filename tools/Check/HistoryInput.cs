using System.Text;
using GoSync.Specs;

namespace GoSync.Tools.Check;

/// <summary>Turns the command line's inputs into histories, or into a <see cref="Diagnostic"/> for each that is not one.</summary>
public static class HistoryInput
{
    /// <summary>How standard input is named in the output.</summary>
    public const string StandardInputName = "<stdin>";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The files an argument names: itself, or for a folder every <c>*.jsonl</c> under it, in ordinal order of path. A
    /// folder without any is a diagnostic; a missing file is left to <see cref="Read(string)"/> to report.
    /// </summary>
    /// <param name="argument">A file, a folder or <c>-</c>.</param>
    /// <param name="files">The files to check.</param>
    /// <param name="problem">Why the argument names no file.</param>
    /// <returns>Whether there are files.</returns>
    public static bool Expand(string argument, out IReadOnlyList<string> files, out Diagnostic? problem)
    {
        ArgumentNullException.ThrowIfNull(argument);
        problem = null;
        files = [argument];
        if (argument == "-" || !Directory.Exists(argument))
        {
            return true;
        }

        try
        {
            files = [.. Directory.EnumerateFiles(argument, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problem = new Diagnostic(argument, 0, Diagnostic.WholeFile, $"cannot list the folder: {e.Message}");
            return false;
        }

        if (files.Count == 0)
        {
            problem = new Diagnostic(argument, 0, Diagnostic.WholeFile, "a folder with no *.jsonl history in it");
            return false;
        }

        return true;
    }

    /// <summary>Reads and parses a history file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The history, or why it is not one.</returns>
    public static (History? History, Diagnostic? Problem) Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                return (null, new Diagnostic(path, 0, Diagnostic.WholeFile, "a folder, not a history file"));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                      or System.Security.SecurityException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot read: {e.Message}";
            return (null, new Diagnostic(path, 0, Diagnostic.WholeFile, reason));
        }

        return Parse(path, bytes);
    }

    /// <summary>Parses a history from its bytes, which must be UTF-8 (a byte-order mark is allowed).</summary>
    /// <param name="name">The name the diagnostics give the input.</param>
    /// <param name="bytes">The content.</param>
    /// <returns>The history, or why it is not one.</returns>
    public static (History? History, Diagnostic? Problem) Parse(string name, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        var content = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = FirstInvalidUtf8(content);
            return (null, new Diagnostic(name, line, Diagnostic.WholeLine, $"not UTF-8 (byte {column} of the line)"));
        }

        return Parse(name, text);
    }

    /// <summary>Parses a history from text.</summary>
    /// <param name="name">The name the diagnostics give the input.</param>
    /// <param name="text">The content.</param>
    /// <returns>The history, or why it is not one.</returns>
    public static (History? History, Diagnostic? Problem) Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        History history;
        try
        {
            history = HistoryJson.Read(new StringReader(text));
        }
        catch (HistoryFormatException e)
        {
            return (null, new Diagnostic(name, e.LineNumber, e.Field ?? Diagnostic.WholeLine, e.Problem));
        }

        if (history.Operations.Count == 0)
        {
            return (null, new Diagnostic(name, 0, Diagnostic.WholeFile, "empty: no operation in it"));
        }

        return (history, null);
    }

    // The 1-based line (counted as TextReader.ReadLine counts: \n, \r\n or a lone \r) and 1-based byte of the first
    // byte sequence that is not UTF-8.
    private static (int Line, int Column) FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        var lineStart = 0;
        var i = 0;
        Span<char> scratch = stackalloc char[8];
        while (i < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[i..Math.Min(bytes.Length, i + 4)], scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status != System.Buffers.OperationStatus.Done && read == 0)
            {
                return (line, i - lineStart + 1);
            }

            var step = Math.Max(read, 1);
            for (var j = i; j < i + step; j++)
            {
                if (bytes[j] == '\n' || (bytes[j] == '\r' && (j + 1 >= bytes.Length || bytes[j + 1] != '\n')))
                {
                    line++;
                    lineStart = j + 1;
                }
            }

            i += step;
        }

        return (line, i - lineStart + 1);
    }
}
