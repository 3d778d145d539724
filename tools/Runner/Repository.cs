using GoSync.Tooling;

namespace GoSync.Runner;

/// <summary>Paths in the GoSync repository the runner works on.</summary>
internal sealed class Repository(string root)
{
    public string Root { get; } = root;

    public string SystematicProject => Path.Combine(Root, "tests", "Systematic", "GoSync.Systematic.Tests.csproj");

    public string MutantsDirectory => Path.Combine(Root, "tests", "Mutants");

    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>The repository holding the current directory, else the one holding this program.</summary>
    public static Repository Locate() =>
        new(RepositoryLayout.FindRoot(Environment.CurrentDirectory, AppContext.BaseDirectory)
            ?? throw new RunnerException("No GoSync.sln found above the current directory: run this from a clone of GoSync."));

    /// <summary>Builds the systematic tests (rewritten by Coyote, unless told not to) into <paramref name="output"/>.</summary>
    public string BuildSystematic(string output, bool rewrite = true)
    {
        Shell.Must("dotnet", ["tool", "restore"], Root, "dotnet tool restore");
        Shell.Must("dotnet",
            ["build", SystematicProject, "-c", "Release", "-o", output, "--nologo", "-v", "q", $"-p:CoyoteRewrite={rewrite.ToString().ToLowerInvariant()}"],
            Root, "Building the systematic tests");
        return Path.Combine(output, "GoSync.Systematic.Tests.dll");
    }
}
