using CsCheck;

namespace GoSync.Tests.Map;

/// <summary>
/// The open-addressing table behind read and dirty behaves as a dictionary: random sets, removes and lookups agree with
/// <see cref="Dictionary{TKey, TValue}"/>, also when every key collides, and a frozen table refuses writes.
/// </summary>
public class EntryTableTests
{
    private enum Op { Set, Remove, Find }

    /// <summary>Hashes keys into few values, so probe runs are long and removals must shift them back correctly.</summary>
    private sealed class FewHashes(int distinct) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x == y;

        public int GetHashCode(int obj) => (obj % distinct) << 20; // differs only above the low bits
    }

    private static readonly Gen<(Op Op, int Key)[]> Steps =
        Gen.Select(Gen.Enum<Op>(), Gen.Int[0, 40]).Array[0, 300];

    [Theory]
    [InlineData(0)] // the default comparer
    [InlineData(1)] // every key collides
    [InlineData(3)]
    public void Random_sets_removes_and_lookups_agree_with_a_dictionary(int distinctHashes)
    {
        IEqualityComparer<int>? comparer = distinctHashes == 0 ? null : new FewHashes(distinctHashes);
        Steps.Sample(steps =>
        {
            var table = new EntryTable<int, int>(0, comparer, TestPlacement.Fixed);
            var reference = new Dictionary<int, Entry<int>>();
            foreach (var (op, key) in steps)
            {
                switch (op)
                {
                    case Op.Set:
                        var entry = new Entry<int>(Entry<int>.Wrap(key));
                        table.Set(key, entry);
                        reference[key] = entry;
                        break;
                    case Op.Remove:
                        table.Remove(key).Should().BeSameAs(reference.GetValueOrDefault(key));
                        reference.Remove(key);
                        break;
                    default:
                        table.Find(key).Should().BeSameAs(reference.GetValueOrDefault(key));
                        break;
                }

                table.Count.Should().Be(reference.Count);
            }

            var listed = new Dictionary<int, Entry<int>>();
            foreach (var (key, entry) in table)
            {
                listed.Add(key, entry); // throws on a key listed twice
            }

            listed.Should().BeEquivalentTo(reference);
            foreach (var key in Enumerable.Range(0, 41))
            {
                table.Find(key).Should().BeSameAs(reference.GetValueOrDefault(key));
            }
        }, iter: 300);
    }

    [Fact]
    public void A_frozen_table_refuses_every_write_but_still_answers_lookups()
    {
        var table = new EntryTable<string, int>(0, null, TestPlacement.Fixed);
        var entry = new Entry<int>(Entry<int>.Wrap(1));
        table.Set("a", entry);
        table.Freeze();

        var set = () => table.Set("b", entry);
        var remove = () => table.Remove("a");
        set.Should().Throw<InvalidOperationException>();
        remove.Should().Throw<InvalidOperationException>();
        table.Find("a").Should().BeSameAs(entry);
        table.Count.Should().Be(1);
    }

    /// <summary>
    /// Keys in the patterns programs use do not pile up into long probe runs: consecutive integers, strided ones, and
    /// Go's benchmark keys of several workers (worker w counts from w × 2^40, so the <see cref="long"/> hashes of the
    /// workers' keys overlap; with sixteen, 16 keys share each hash). Measured at 2^17 keys: longest probes of 1, 1, 6
    /// and 15 buckets; homes taken from the hash's low bits passed the first and gave 1,022, 66,046 and 126,736 on
    /// the others.
    /// </summary>
    [Theory]
    [InlineData("consecutive")]
    [InlineData("stride 1024")]
    [InlineData("two workers")]
    [InlineData("sixteen workers")]
    public void Patterned_keys_do_not_form_long_probe_runs(string pattern)
    {
        const int keys = 1 << 17;
        IEnumerable<long> Keys() => pattern switch
        {
            "consecutive" => Enumerable.Range(0, keys).Select(i => (long)i),
            "stride 1024" => Enumerable.Range(0, keys).Select(i => i * 1024L),
            "two workers" => Enumerable.Range(0, keys).Select(i => ((long)(i % 2) << 40) + i / 2),
            "sixteen workers" => Enumerable.Range(0, keys).Select(i => ((long)(i % 16) << 40) + i / 16),
            _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "no such key pattern"),
        };

        var table = new EntryTable<long, int>(0, null, TestPlacement.Fixed);
        var entry = new Entry<int>(Entry<int>.Wrap(0));
        foreach (var key in Keys())
        {
            table.Set(key, entry);
        }

        table.Count.Should().Be(keys);
        table.LongestProbe().Should().BeLessThanOrEqualTo(64, "a lookup of a present key should walk a short run");
    }

    /// <summary>
    /// Removing the first key enumerated while adding new ones (Go's AdversarialDelete benchmark, a cache that evicts
    /// whichever key Range gives first) does not gather the survivors into one long run. Enumerating from bucket 0
    /// failed this with a longest probe of 203 buckets.
    /// </summary>
    [Fact]
    public void Evicting_the_first_enumerated_key_does_not_gather_the_rest_into_one_run()
    {
        const int size = 1 << 10;
        var table = new EntryTable<long, int>(0, null, TestPlacement.Fixed);
        var entry = new Entry<int>(Entry<int>.Wrap(0));
        for (long key = 0; key < size; key++)
        {
            table.Set(key, entry);
        }

        for (long round = 1; round <= 4 * size; round++)
        {
            foreach (var (first, _) in table)
            {
                table.Remove(first);
                break;
            }

            table.Set(round * size, entry);
        }

        table.Count.Should().Be(size);
        table.LongestProbe().Should().BeLessThanOrEqualTo(64, "a lookup of a present key should walk a short run");
    }
}
