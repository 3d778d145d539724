namespace GoSync.Runner;

/// <summary>A seeded bug: a patch against <c>src/Map</c> whose first line describes it and whose header names it.</summary>
internal sealed record Mutant(string Name, string Description, string PatchPath, MutantHeader Header)
{
    /// <summary>Every <c>tests/Mutants/*.patch</c>, in name order.</summary>
    public static IReadOnlyList<Mutant> All(Repository repo) => Directory
        .GetFiles(repo.MutantsDirectory, "*.patch")
        .Order(StringComparer.Ordinal)
        .Select(path =>
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var lines = File.ReadLines(path).TakeWhile(l => !l.StartsWith("--- ", StringComparison.Ordinal)).ToList();
            var first = lines.FirstOrDefault() ?? "";
            var colon = first.IndexOf(": ", StringComparison.Ordinal);
            return new Mutant(name, colon >= 0 ? first[(colon + 2)..] : first, path, MutantHeader.Parse(lines, name));
        })
        .ToList();
}

/// <summary>
/// A build of a mutant of GoSync.Map in a scratch folder, and copies of a systematic-test build that use it. The
/// repository itself is never modified.
/// </summary>
internal sealed class MutantWorkspace
{
    private const string HarnessFramework = "net10.0";

    private readonly Repository _repo;
    private readonly string _scratch;
    private readonly string _mapAssembly;

    private MutantWorkspace(Repository repo, string scratch, string mapAssembly) =>
        (_repo, _scratch, _mapAssembly) = (repo, scratch, mapAssembly);

    /// <summary>
    /// Applies <paramref name="mutant"/> to a copy of <c>src/Map</c> under <paramref name="scratch"/> and builds its
    /// step-logging test build (tests/StepLoggedMap) against the step log of the systematic build
    /// <paramref name="baseOutput"/>, so that a failing iteration's artifacts show its steps. A patch that does not
    /// apply, or a build that fails, is an error: never a silent pass.
    /// </summary>
    public static MutantWorkspace Prepare(Repository repo, Mutant mutant, string scratch, string baseOutput) =>
        Prepare(repo, mutant.Name, mutant.PatchPath, scratch, baseOutput);

    /// <summary>The same for any patch against <c>src/Map</c> (a divergence of tests/Mutants/divergences among them).</summary>
    public static MutantWorkspace Prepare(Repository repo, string name, string patchPath, string scratch, string baseOutput)
    {
        var source = Path.Combine(scratch, "source");
        Recreate(source);
        File.Copy(Path.Combine(repo.Root, "Directory.Build.props"), Path.Combine(source, "Directory.Build.props"));
        File.Copy(Path.Combine(repo.Root, "Directory.Packages.props"), Path.Combine(source, "Directory.Packages.props"));
        CopyTree(Path.Combine(repo.Root, "build"), Path.Combine(source, "build"), skipBuildOutputs: true); // the package settings src/Map imports
        CopyTree(Path.Combine(repo.Root, "src", "Map"), Path.Combine(source, "src", "Map"), skipBuildOutputs: true);
        CopyTree(Path.Combine(repo.Root, "tests", "StepLoggedMap"), Path.Combine(source, "tests", "StepLoggedMap"), skipBuildOutputs: true);
        Shell.Must("git", ["apply", "--whitespace=nowarn", patchPath], source, $"Applying {name}");

        var output = Path.Combine(scratch, "map");
        // The harnesses run on the framework of Directory.Build.props, net10.0.
        Shell.Must("dotnet", ["build", Path.Combine(source, "tests", "StepLoggedMap", "GoSync.Map.StepLogged.csproj"), "-c", "Release", "-f", HarnessFramework,
                "-o", output, "--nologo", "-v", "q", $"-p:StepLogDirectory={Path.GetFullPath(baseOutput)}"],
            source, $"Building {name}");
        return new MutantWorkspace(repo, scratch, Path.Combine(output, "GoSync.Map.dll"));
    }

    /// <summary>
    /// A copy of the systematic-test build <paramref name="baseOutput"/> with the mutant's GoSync.Map in it, rewritten
    /// for Coyote when <paramref name="rewrite"/>; returns the harness assembly to run.
    /// </summary>
    public string Assemble(string baseOutput, bool rewrite)
    {
        var tests = WithMap(baseOutput, rewrite ? "rewritten" : "plain");
        if (rewrite)
        {
            // Only GoSync.Map.dll is new; the rewriter skips the assemblies it has already rewritten.
            Shell.Must("dotnet", ["coyote", "rewrite", Path.Combine(tests, "rewrite.coyote.json")], _repo.Root, "Rewriting the mutant");
        }

        return Path.Combine(tests, "GoSync.Systematic.Tests.dll");
    }

    /// <summary>A copy of the build <paramref name="baseOutput"/> in <paramref name="folder"/> of the scratch space, with the mutant's GoSync.Map in it.</summary>
    public string WithMap(string baseOutput, string folder)
    {
        var copy = Path.Combine(_scratch, folder);
        Recreate(copy);
        CopyTree(baseOutput, copy, skipBuildOutputs: false);
        File.Copy(_mapAssembly, Path.Combine(copy, "GoSync.Map.dll"), overwrite: true);
        File.Copy(Path.ChangeExtension(_mapAssembly, ".pdb"), Path.Combine(copy, "GoSync.Map.pdb"), overwrite: true); // the rewriter checks symbols match
        return copy;
    }

    private static void Recreate(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
    }

    private static void CopyTree(string from, string to, bool skipBuildOutputs)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skipBuildOutputs && relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
