using System.Diagnostics;

namespace Nightjar.Server.Tests.Support;

/// <summary>Explicit wait points: poll a condition in small steps until it holds or a hard deadline passes.</summary>
internal static class Wait
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string because)
    {
        var start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds} s for: {because}");
            }

            await Task.Delay(Step);
        }
    }

    /// <summary>Awaits a task, failing the test (instead of hanging it) when the deadline passes first.</summary>
    public static async Task ForAsync(Task task, TimeSpan timeout, string because)
    {
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds} s for: {because}");
        }
    }

    /// <summary>Awaits a task, failing the test (instead of hanging it) when the deadline passes first.</summary>
    public static async Task<T> ForAsync<T>(Task<T> task, TimeSpan timeout, string because)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds} s for: {because}");
        }
    }
}
