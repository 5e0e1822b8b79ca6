using System.Diagnostics;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// Polls an asynchronous condition in small steps until it holds or a hard deadline passes. Unlike <c>Wait.UntilAsync</c>
/// the failure message is built when the deadline passes, so it shows the last state seen rather than the first.
/// </summary>
internal static class ClusterWait
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> because)
    {
        var start = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds} s for: {because()}");
            }

            await Task.Delay(Step);
        }
    }

    /// <summary>Waits out a span of wall time (e.g. a planned outage) in small steps.</summary>
    public static Task ForAsync(TimeSpan span)
    {
        var start = Stopwatch.GetTimestamp();
        return UntilAsync(() => Task.FromResult(Stopwatch.GetElapsedTime(start) >= span), span + TimeSpan.FromSeconds(5), () => "time to pass");
    }
}
