namespace Nightjar.Actors.Testing;

/// <summary>"Wait until this holds or the deadline passes", polling in small real-time steps: the alternative to sleeping.</summary>
public static class TestWait
{
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <exception cref="TimeoutException">When <paramref name="condition"/> is still false at the deadline.</exception>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;

        // Real time on purpose: a test's fake clock must not decide how long the test itself waits.
        var clock = TimeProvider.System;
        long started = clock.GetTimestamp();
        while (!condition())
        {
            if (clock.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Condition not met within {limit}{(because is null ? "" : ": " + because)}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2), clock);
        }
    }
}
