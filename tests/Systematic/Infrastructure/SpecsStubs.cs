// TEMPORARY: stand-ins until src/Specs gains HtmlTimeline and LinearizabilityMonitor. Delete on merge.
namespace GoSync.Specs;

internal static class HtmlTimeline
{
    public static string Render(History history, CheckResult result) => "<pre>" + System.Net.WebUtility.HtmlEncode(result.Explanation) + "</pre>";
}

internal static class LinearizabilityMonitor
{
    public static void CheckIteration(History history, string? artifactDirectory, TimeSpan budget)
    {
        var result = LinearizabilityChecker.Check(history, budget);
        Microsoft.Coyote.Specifications.Specification.Assert(result.Verdict != Verdict.NotLinearizable, "History is not linearizable.\n{0}", result.Explanation);
    }
}
