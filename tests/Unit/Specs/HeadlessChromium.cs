using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoSync.Tests.Specs;

/// <summary>
/// Debian's <c>chromium</c> driven from the command line (<c>--headless --dump-dom</c>, <c>--screenshot</c>) with a fresh
/// profile each time. Set GOSYNC_CHROMIUM to use another binary. <c>.ci/run</c> installs it with apt-get when absent.
/// </summary>
internal static partial class HeadlessChromium
{
    public const int Width = 1280;
    public const int Height = 900;

    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser binary, or null when none is installed.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("GOSYNC_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return Candidates
            .SelectMany(name => path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The browser, or a failure that says why there is none and how to get it.</summary>
    public static string Require() =>
        Find() ?? throw new InvalidOperationException(
            "Chromium is not installed, so the HTML timeline cannot be checked in a browser: install it with "
            + "'apt-get install -y chromium' (.ci/run does so when it is absent) or set GOSYNC_CHROMIUM to a Chromium or Chrome binary.");

    /// <summary>
    /// Loads <paramref name="page"/> with <paramref name="script"/> appended to its body in a 1280 × 900 window and
    /// returns the JSON the script stored in <c>document.body.dataset.measured</c>.
    /// </summary>
    public static JsonElement Measure(string page, string script, string workDirectory)
    {
        var file = Path.Combine(workDirectory, $"measure-{Guid.NewGuid():N}.html");
        File.WriteAllText(file, page.Replace("</body>", $"<script>\n{script}\n</script>\n</body>", StringComparison.Ordinal));
        var dom = Run(workDirectory, "--dump-dom", new Uri(file).AbsoluteUri);
        var match = MeasuredAttribute().Match(dom);
        if (!match.Success)
        {
            throw new InvalidOperationException($"the page stored no measurements; Chromium printed:\n{dom[..Math.Min(dom.Length, 2000)]}");
        }

        return JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value)).RootElement.Clone();
    }

    /// <summary>Saves a PNG of the page's first 1280 × 900 pixels.</summary>
    public static void Screenshot(string htmlFile, string pngFile, string workDirectory, int height = Height) =>
        Run(workDirectory, $"--screenshot={pngFile}", $"--window-size={Width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);

    private static string Run(string workDirectory, params string[] args)
    {
        var profile = Directory.CreateDirectory(Path.Combine(workDirectory, $"profile-{Guid.NewGuid():N}")).FullName;
        var info = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--disable-extensions", "--mute-audio", $"--user-data-dir={profile}",
                     $"--window-size={Width},{Height}", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Chromium did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        // A guard against a hung browser, not a timing assertion.
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Chromium exited {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }

    [GeneratedRegex("data-measured=\"([^\"]*)\"")]
    private static partial Regex MeasuredAttribute();
}
