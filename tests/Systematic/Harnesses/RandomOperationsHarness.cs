using GoSync.Systematic.Infrastructure;
using Microsoft.Coyote.Random;
using Microsoft.Coyote.SystematicTesting;

namespace GoSync.Systematic.Harnesses;

/// <summary>
/// Any mix of operations: each task draws its operations, keys and values from Coyote's controlled random source, so
/// the mix is explored along with the interleaving and a failing iteration still replays exactly.
/// </summary>
public static class RandomOperationsHarness
{
    private const int Processes = 3;
    private const int OperationsPerProcess = 4;
    private static readonly int?[] Values = [null, 1, 2];

    /// <summary>Three tasks, four random operations each, over three keys, after a random set-up.</summary>
    [Test]
    public static async Task RandomOperations()
    {
        var run = Iteration.Start(nameof(RandomOperations));
        var m = run.Map;
        var random = Generator.Create();
        for (var i = 0; i < 3; i++)
        {
            Apply(m, Iteration.Main, random); // random set-up: promotions and expunges before the race
        }

        var processes = new Action<int>[Processes];
        for (var i = 0; i < Processes; i++)
        {
            processes[i] = p =>
            {
                for (var j = 0; j < OperationsPerProcess; j++)
                {
                    Apply(m, p, random);
                }
            };
        }

        await run.Concurrently(processes);
        run.Finish();
    }

    private static void Apply(CheckedMap m, int p, Generator random)
    {
        var key = random.NextInteger(3) + 1;
        var value = Values[random.NextInteger(Values.Length)];
        var other = Values[random.NextInteger(Values.Length)];
        switch (random.NextInteger(11))
        {
            case 0: m.Load(p, key); break;
            case 1: m.Store(p, key, value); break;
            case 2: m.LoadOrStore(p, key, value); break;
            case 3: m.LoadAndDelete(p, key); break;
            case 4: m.Delete(p, key); break;
            case 5: m.Swap(p, key, value); break;
            case 6: m.CompareAndSwap(p, key, other, value); break;
            case 7: m.CompareAndDelete(p, key, other); break;
            case 8: m.Range(p); break;
            case 9: m.Range(p, limit: 1); break;
            default: m.Clear(p); break;
        }
    }
}
