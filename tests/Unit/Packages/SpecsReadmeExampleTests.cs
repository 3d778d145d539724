using GoSync.Specs;

namespace GoSync.Tests.Packages;

/// <summary>
/// The example of src/Specs/README.md (the GoSync.Specs package page), compiled and run: the README's code block is the
/// text between the markers below, and a test checks that the two have not drifted apart.
/// </summary>
public sealed class SpecsReadmeExampleTests
{
    // README begin
    [Fact]
    public async Task Concurrent_stores_and_loads_are_linearizable()
    {
        var map = new SyncMap<string, int>();
        var recorder = new HistoryRecorder();

        async Task Worker(int process)
        {
            await Task.Yield();
            for (var i = 0; i < 100; i++)
            {
                var key = $"k{i % 4}";
                var store = recorder.Invoke(process, OpKind.Store, key, arg: process * 1000 + i);
                map.Store(key, process * 1000 + i);
                recorder.Return(store);

                var load = recorder.Invoke(process, OpKind.Load, key);
                var found = map.TryLoad(key, out var value);
                recorder.Return(load, found, found ? value : null);
            }
        }

        await Task.WhenAll(Task.Run(() => Worker(1)), Task.Run(() => Worker(2)), Task.Run(() => Worker(3)));

        var history = recorder.ToHistory();
        var result = LinearizabilityChecker.Check(history, TimeSpan.FromSeconds(30));
        if (result.Verdict == Verdict.NotLinearizable)
        {
            // Keep the evidence: the history for `gosync-check`, and a timeline to open in a browser.
            using (var file = File.CreateText("failing-history.jsonl"))
            {
                HistoryJson.Write(history, file);
            }

            File.WriteAllText("failing-history.html", HtmlTimeline.Render(history, result));
        }

        Assert.True(result.Verdict == Verdict.Linearizable, result.Explanation);
    }
    // README end

    [Fact]
    public void Package_readme_shows_exactly_the_code_this_test_runs()
    {
        var root = RepositoryRoot();
        var test = File.ReadAllText(Path.Combine(root, "tests", "Unit", "Packages", "SpecsReadmeExampleTests.cs"));
        var readme = File.ReadAllText(Path.Combine(root, "src", "Specs", "README.md"));

        Unindent(Between(test, "    // README begin\n", "    // README end\n"))
            .Should().BeOneOf(CodeBlocks(readme), "src/Specs/README.md shows the test above, word for word");
    }

    internal static string RepositoryRoot() => GoSync.Runner.Repository.Locate().Root;

    private static string Between(string text, string begin, string end)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = text.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string Unindent(string block) =>
        string.Concat(block.Split('\n').Select(l => (l.StartsWith("    ", StringComparison.Ordinal) ? l[4..] : l) + "\n"))[..^1];

    private static List<string> CodeBlocks(string markdown)
    {
        var blocks = new List<string>();
        var rest = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        while (rest.IndexOf("```csharp\n", StringComparison.Ordinal) is var start and >= 0)
        {
            rest = rest[(start + "```csharp\n".Length)..];
            var end = rest.IndexOf("```\n", StringComparison.Ordinal);
            var code = rest[..end];
            // The README's block adds the usings a test file needs; compare what follows them.
            blocks.Add(string.Join('\n', code.Split('\n').SkipWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0)));
            rest = rest[end..];
        }

        return blocks;
    }
}
