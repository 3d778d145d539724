using System.Reflection;
using Xunit.Abstractions;

namespace GoSync.Tests.Map;

/// <summary>
/// Keys chosen by an attacker do not pile up into one probe run unless the attacker knows the map's placement secret,
/// and nothing outside the assembly can choose or read that secret. Asserted on the longest probe run (what the slowest
/// lookup of a present key walks), never on time.
/// </summary>
public class HashFloodingTests(ITestOutputHelper output)
{
    private const int AttackKeys = 2_000; // a table of 4,096 buckets once they are all in

    /// <summary>
    /// The attack on the old placement (Fibonacci hashing, a fixed public multiplier): keys k × (2^32/φ)⁻¹ mod 2^32
    /// all had home bucket 0, so 20,000 of them formed one run of 20,000 buckets.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestPlacement.Indexes), MemberType = typeof(TestPlacement))]
    public void Keys_that_all_shared_one_home_under_the_old_fixed_multiplier_are_spread_by_the_secret(int secret)
    {
        const uint inverseOfGoldenRatio = 0x144CBC89; // 0x9E3779B9 × 0x144CBC89 ≡ 1 (mod 2^32)
        unchecked
        {
            (0x9E3779B9u * inverseOfGoldenRatio).Should().Be(1u);
        }

        var keys = Enumerable.Range(0, 20_000).Select(k => unchecked((int)((uint)k * inverseOfGoldenRatio)));

        var longest = LongestProbe(keys, TestPlacement.Several[secret]);
        output.WriteLine($"20,000 inverse-φ keys, secret {secret}: longest probe {longest}");
        longest.Should().BeLessThanOrEqualTo(64);
    }

    /// <summary>
    /// The worst case: an attacker who knows the secret finds keys that share one home (here by search, as an attacker
    /// would), and they form one run as long as the key set. The same keys against any other secret do not.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestPlacement.Indexes), MemberType = typeof(TestPlacement))]
    public void Colliding_keys_built_for_one_secret_collide_only_under_that_secret(int secret)
    {
        var known = TestPlacement.Several[secret];
        var keys = KeysSharingOneHome(known, AttackKeys, tableLength: 4_096);

        LongestProbe(keys, known).Should().BeGreaterThanOrEqualTo(AttackKeys - 1, "the attacker knew the secret");
        foreach (var other in TestPlacement.Several.Where(p => !p.Equals(known)))
        {
            var longest = LongestProbe(keys, other);
            output.WriteLine($"{AttackKeys} keys built for secret {secret}, under {other}: longest probe {longest}");
            longest.Should().BeLessThanOrEqualTo(64, "the attacker did not know the secret {0}", other);
        }
    }

    [Fact]
    public void Each_map_draws_its_own_secret()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => new SyncMap<int, int>().Placement).ToHashSet();

        secrets.Should().HaveCount(100);
    }

    [Fact]
    public void Range_visits_keys_in_the_same_order_under_the_same_secret()
    {
        static List<int> Order(Placement placement)
        {
            var map = new SyncMap<int, int>(null, null, placement);
            for (var key = 0; key < 100; key++)
            {
                map.Store(key, key);
            }

            map.Delete(7);
            var order = new List<int>();
            map.Range((key, _) =>
            {
                order.Add(key);
                return true;
            });
            return order;
        }

        Order(TestPlacement.Fixed).Should().Equal(Order(TestPlacement.Fixed)).And.HaveCount(99);
    }

    [Fact]
    public void No_public_member_lets_a_caller_choose_or_read_the_secret()
    {
        typeof(Placement).IsVisible.Should().BeFalse();
        var publicSurface = typeof(SyncMap<,>).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        foreach (var member in publicSurface)
        {
            var types = member switch
            {
                MethodBase method => method.GetParameters().Select(p => p.ParameterType)
                    .Append(method is MethodInfo m ? m.ReturnType : typeof(void)),
                PropertyInfo property => [property.PropertyType],
                FieldInfo field => [field.FieldType],
                _ => [],
            };
            types.Should().NotContain(t => t == typeof(Placement) || t == typeof(Placement).MakeByRefType(), member.Name);
        }
    }

    private static int LongestProbe(IEnumerable<int> keys, Placement placement)
    {
        var table = new EntryTable<int, int>(0, null, placement);
        var entry = new Entry<int>(Entry<int>.Wrap(0));
        foreach (var key in keys)
        {
            table.Set(key, entry);
        }

        return table.LongestProbe();
    }

    /// <summary>The first <paramref name="count"/> non-negative ints whose home under <paramref name="placement"/> is bucket 0.</summary>
    private static List<int> KeysSharingOneHome(Placement placement, int count, int tableLength)
    {
        var keys = new List<int>(count);
        for (var key = 0; keys.Count < count; key++)
        {
            if (placement.Home(key, tableLength - 1) == 0)
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
