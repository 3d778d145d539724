using System.Text.Json;

namespace GoSync.Tooling;

/// <summary>
/// What the runner asks of a harness process (<c>dotnet GoSync.Systematic.Tests.dll explore REQUEST.json</c>): explore
/// or replay one harness under Coyote's testing engine and write an <see cref="ExplorationResult"/>. A file, not
/// command-line words, so that both sides read the same record.
/// </summary>
/// <param name="Harness">The harness (a method marked with Coyote's <c>[Test]</c>).</param>
/// <param name="Exploration">The strategy and budget; ignored when <paramref name="ReplayTrace"/> is set.</param>
/// <param name="ReplayTrace">A Coyote <c>.trace</c> file to replay instead of exploring, or null.</param>
/// <param name="ReportDirectory">Where Coyote's reports (the replayable <c>.trace</c> among them) go when a bug is found.</param>
/// <param name="ResultPath">Where to write the result.</param>
/// <param name="ShowProgress">Print iteration milestones to the console while exploring.</param>
public sealed record ExplorationRequest(
    string Harness, Exploration Exploration, string? ReplayTrace, string ReportDirectory, string ResultPath, bool ShowProgress)
{
    public void Write(string path) => JsonFile.Write(path, this);

    public static ExplorationRequest Read(string path) => JsonFile.Read<ExplorationRequest>(path, "exploration request");
}

/// <summary>The two records' file format: indented JSON, read back whole or not at all.</summary>
public static class JsonFile
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write<T>(string path, T value) => File.WriteAllText(path, JsonSerializer.Serialize(value, Options));

    /// <exception cref="InvalidDataException">The file is missing or does not hold a <typeparamref name="T"/>.</exception>
    public static T Read<T>(string path, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path} holds no {what}");
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            throw new InvalidDataException($"No {what} in {path}: {e.Message}", e);
        }
    }
}
