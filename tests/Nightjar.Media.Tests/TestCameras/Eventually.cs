namespace Nightjar.Media.Tests.TestCameras;

/// <summary>Explicit wait points for tests: poll a condition in small steps until it holds or a hard deadline passes.</summary>
public static class Eventually
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan deadline, string because)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > deadline)
            {
                throw new TimeoutException($"Gave up after {deadline} waiting until {because}.");
            }

            await Task.Delay(Step);
        }
    }

    public static async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan deadline, string because)
        where T : class
    {
        T? value = null;
        await WaitUntilAsync(() => (value = probe()) is not null, deadline, because);
        return value!;
    }
}
