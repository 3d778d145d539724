using GoSync.Tooling;

namespace GoSync.Runner;

/// <summary>
/// What a stress worker found, handed to the runner as a small JSON file rather than a printed line: the failure is
/// an exception's message, which may hold spaces, '=' or anything else a sliced "k=v" line would misread.
/// </summary>
/// <param name="Iterations">Iterations run.</param>
/// <param name="Seconds">Wall-clock seconds spent.</param>
/// <param name="Failure">The first failure's message, or null when none failed.</param>
internal sealed record StressResult(int Iterations, double Seconds, string? Failure)
{
    public void Write(string path) => JsonFile.Write(path, this);

    /// <exception cref="RunnerException">The file is missing or not a result: the worker died before writing it.</exception>
    public static StressResult Read(string path)
    {
        try
        {
            return JsonFile.Read<StressResult>(path, "stress result");
        }
        catch (InvalidDataException e)
        {
            throw new RunnerException(e.Message);
        }
    }
}
