using CsCheck;
using GoSync.Specs;
using GoSync.Specs.Generation;

namespace GoSync.Tests.Specs;

/// <summary>
/// The properties that show the checker bites: simulated runs of the model are accepted, one changed result makes most
/// of them rejected, and on small histories the checker agrees with a brute-force enumeration of all orders.
/// </summary>
public class CheckerPropertyTests
{
    private static readonly Gen<(SimulationOptions Options, int Seed)> SmallRuns =
        Gen.Select(Gen.Int[1, 5], Gen.Int[0, 40], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[0, int.MaxValue])
            .Select((p, n, k, v, seed) => (new SimulationOptions(p, n, k, v, PendingChance: 0.1), seed));

    [Fact]
    public void Histories_simulated_from_the_sequential_model_are_always_linearizable() =>
        SmallRuns.Sample(
            run =>
            {
                var history = SimulatedHistory.Generate(run.Options, run.Seed);
                var result = LinearizabilityChecker.Check(history, Ops.Budget);
                return result.Verdict == Verdict.Linearizable;
            },
            iter: 400,
            threads: 1);

    [Fact]
    public void Large_simulated_histories_are_linearizable()
    {
        var options = new SimulationOptions(Processes: 8, Operations: 3000, Keys: 16, Values: 5);
        var result = LinearizabilityChecker.Check(SimulatedHistory.Generate(options, seed: 7), Ops.Budget);
        result.Verdict.Should().Be(Verdict.Linearizable, result.Explanation);
    }

    [Fact]
    public void Changing_one_result_makes_most_simulated_histories_non_linearizable()
    {
        var rng = new Random(2024);
        var mutated = 0;
        var caught = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var options = new SimulationOptions(Processes: 1 + (seed % 4), Operations: 12 + (seed % 20), Keys: 1 + (seed % 3), Values: 3);
            var lie = Mutation.ChangeOneResult(SimulatedHistory.Generate(options, seed), rng);
            if (lie is null)
            {
                continue;
            }

            mutated++;
            caught += LinearizabilityChecker.Check(lie, Ops.Budget).Verdict == Verdict.NotLinearizable ? 1 : 0;
        }

        mutated.Should().BeGreaterThan(250);
        ((double)caught / mutated).Should().BeGreaterThan(0.8, $"{caught} of {mutated} mutated histories were caught");
    }

    [Fact]
    public void Checker_agrees_with_brute_force_on_small_histories()
    {
        var rng = new Random(99);
        var verdicts = new Dictionary<Verdict, int>();
        for (var seed = 0; seed < 600; seed++)
        {
            var options = new SimulationOptions(Processes: 2 + (seed % 3), Operations: 2 + (seed % 6), Keys: 1 + (seed % 2), Values: 2, RangeWeight: 2, ClearWeight: 1, PendingChance: 0.15);
            var history = SimulatedHistory.Generate(options, seed);
            if (seed % 2 == 1)
            {
                history = Mutation.ChangeOneResult(history, rng) ?? history;
            }

            var verdict = LinearizabilityChecker.Check(history, Ops.Budget).Verdict;
            var expected = BruteForce.IsLinearizable(history) ? Verdict.Linearizable : Verdict.NotLinearizable;
            verdict.Should().Be(expected, "seed {0}:\n{1}", seed, Dump(history));
            verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
        }

        // Both verdicts must be well represented, or the agreement proves little.
        verdicts.GetValueOrDefault(Verdict.Linearizable).Should().BeGreaterThan(200, string.Join(",", verdicts));
        verdicts.GetValueOrDefault(Verdict.NotLinearizable).Should().BeGreaterThan(150, string.Join(",", verdicts));
    }

    [Fact]
    public void Checker_agrees_with_brute_force_on_histories_with_arbitrary_results()
    {
        // Results drawn at random, not simulated: covers histories no single-result change reaches.
        var rng = new Random(5);
        for (var i = 0; i < 400; i++)
        {
            var history = RandomResults(rng);
            var verdict = LinearizabilityChecker.Check(history, Ops.Budget).Verdict;
            var expected = BruteForce.IsLinearizable(history) ? Verdict.Linearizable : Verdict.NotLinearizable;
            verdict.Should().Be(expected, "case {0}:\n{1}", i, Dump(history));
        }
    }

    private static History RandomResults(Random rng)
    {
        var ops = new List<Operation>();
        var clock = 0L;
        var n = rng.Next(1, 6);
        var kinds = Enum.GetValues<OpKind>();
        for (var p = 0; p < n; p++)
        {
            var kind = kinds[rng.Next(kinds.Length)];
            var call = rng.Next(0, 8);
            long? ret = rng.Next(6) == 0 ? null : call + rng.Next(1, 6);
            object? V() => rng.Next(3) == 0 ? null : (long)rng.Next(1, 3);
            var key = Operation.HasKey(kind) ? $"k{rng.Next(2)}" : null;
            var visited = kind == OpKind.Range
                ? Enumerable.Range(0, rng.Next(3)).Select(_ => new KeyValuePair<object, object?>($"k{rng.Next(2)}", V())).ToList()
                : null;
            var stopped = visited is { Count: > 0 } && rng.Next(3) == 0;
            ops.Add(new Operation(p, kind, key, V(), V(), call, ret, rng.Next(2) == 0, V(), visited, stopped));
            clock = Math.Max(clock, ret ?? call);
        }

        return new History(ops);
    }

    private static string Dump(History history)
    {
        using var w = new StringWriter();
        HistoryJson.Write(history, w);
        return w.ToString();
    }
}
