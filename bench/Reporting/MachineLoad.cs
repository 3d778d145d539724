namespace GoSync.Benchmarks.Reporting;

/// <summary>
/// The load average, recorded with the results: on a shared machine it says how many other runnable threads the
/// figures competed with.
/// </summary>
internal static class MachineLoad
{
    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg, or "unknown" where there is none.</summary>
    public static string Read()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]}, {fields[1]}, {fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
