namespace GoSync.Tools.Check;

/// <summary>The command's exit codes.</summary>
public static class ExitCode
{
    /// <summary>The history is linearizable.</summary>
    public const int Linearizable = 0;

    /// <summary>The history is not linearizable.</summary>
    public const int NotLinearizable = 1;

    /// <summary>The time budget ran out first.</summary>
    public const int Unknown = 2;

    /// <summary>Bad input: a malformed history, an unreadable file or a bad command line (sysexits' EX_USAGE).</summary>
    public const int BadInput = 64;

    /// <summary>A fault of the command itself (sysexits' EX_SOFTWARE); never expected.</summary>
    public const int InternalError = 70;
}
