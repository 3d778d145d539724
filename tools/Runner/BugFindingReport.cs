using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace GoSync.Runner;

/// <summary>Writes <c>docs/bug-finding.md</c>: per mutant, what each strategy and the stress baseline needed to find it.</summary>
internal static class BugFindingReport
{
    public static void Write(string path, IReadOnlyList<(Mutant Mutant, List<Finding> Findings)> rows, MutantOptions options, int harnesses, int? perHarnessSeconds)
    {
        var columns = rows[0].Findings.Select(f => f.Strategy).ToList();
        var md = new StringBuilder();
        md.AppendLine("# Bug finding: the seeded-bug catalogue");
        md.AppendLine();
        md.AppendLine("Each mutant in `tests/Mutants/` is applied to a scratch copy of `src/Map`, built, rewritten by Coyote, and explored by the " +
            $"{harnesses} harnesses until one reports a bug: first the harness its header names (`Harness:`), then the others in name order. A cell gives the iterations and seconds of exploration until the " +
            "first bug in the harness that found it, and in brackets the totals over all the harnesses tried before it. `stress` runs the same harnesses, unchanged, " +
            "on real threads (a plain build, not rewritten) with the same wall-clock budget per harness; its failures are the same " +
            "assertions (invariants, the 40999 leak checks, linearizability) plus an iteration deadline (the rest of the budget, 10 s at most).");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run --project tools/Runner -c Release -- mutants {Arguments(options)}`");
        var time = perHarnessSeconds is { } s ? $" and {s} s of wall-clock time" : "";
        var seeded = options.Seed is { } seed ? $"; seed {seed}" : "; fresh seed";
        md.AppendLine(CultureInfo.InvariantCulture, $"- Budget per harness: up to {options.Iterations} iterations{time}{seeded}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores, {Cpu()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        md.AppendLine();
        md.Append("| Mutant | Named harness | ").AppendJoin(" | ", columns).AppendLine(" |");
        md.Append("|---|---|").AppendJoin("", columns.Select(_ => "---|")).AppendLine();
        foreach (var (mutant, findings) in rows)
        {
            md.Append(CultureInfo.InvariantCulture, $"| `{mutant.Name}` | {mutant.Header.Harness} | ");
            md.AppendJoin(" | ", findings.Select(f => f.Caught
                ? string.Create(CultureInfo.InvariantCulture, $"{f.Iterations} it, {f.Seconds:F1} s by {(f.CaughtByNamed ? "it" : $"**{f.CaughtBy}**, not it,")} ({f.TotalIterations} it, {f.TotalSeconds:F1} s in all)")
                : string.Create(CultureInfo.InvariantCulture, $"**not caught** ({f.TotalIterations} it, {f.TotalSeconds:F0} s)")));
            md.AppendLine(" |");
        }

        md.AppendLine();
        md.AppendLine("## The mutants and the bug each run reported first");
        md.AppendLine();
        foreach (var (mutant, findings) in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- `{mutant.Name}`: {mutant.Description} Model: {(mutant.Header.Bug is { } bug ? $"`Bug = \"{bug}\"`" : $"none ({mutant.Header.NoBugReason})")}; breaks `{mutant.Header.Breaks}`.");
            foreach (var f in findings.Where(f => f.Caught))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"  - {f.Strategy}: {Shorten(f.Bug)}");
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, md.ToString());
    }

    private static string Arguments(MutantOptions o) =>
        string.Join(' ', o.Strategies.Select(s => $"--strategy {s}")) +
        $" --iterations {o.Iterations}" + (o.StressSeconds > 0 ? $" --stress-seconds {o.StressSeconds}" : "") +
        (o.Seed is { } seed ? $" --seed {seed}" : "") + (o.Report is { } r ? $" --report {r}" : "");

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + " ...";

    private static string Cpu()
    {
        const string file = "/proc/cpuinfo";
        var line = File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
