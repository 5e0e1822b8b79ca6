using System.Globalization;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>A sample of durations (seconds) summarised as the benchmark README prints them: count, min, median, max.</summary>
internal static class Distribution
{
    public static string Describe(IReadOnlyCollection<double> seconds)
    {
        if (seconds.Count == 0)
        {
            return "n=0";
        }

        var sorted = seconds.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"n={sorted.Count}, min {sorted[0]:F1} s, median {median:F1} s, max {sorted[^1]:F1} s");
    }
}
