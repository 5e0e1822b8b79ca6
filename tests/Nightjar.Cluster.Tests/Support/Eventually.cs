namespace Nightjar.Cluster.Tests.Support;

/// <summary>Explicit wait points with hard deadlines: poll a condition in small steps, never sleep and hope.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static Task UntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), because, timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        var limit = timeout ?? DefaultTimeout;
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Timed out after {limit} waiting until {because}.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Holds for <paramref name="duration"/> while checking that <paramref name="invariant"/> stays true.</summary>
    public static async Task AlwaysAsync(Func<Task<bool>> invariant, string because, TimeSpan duration)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < duration)
        {
            (await invariant()).Should().BeTrue(because);
            await Task.Delay(25);
        }
    }
}
