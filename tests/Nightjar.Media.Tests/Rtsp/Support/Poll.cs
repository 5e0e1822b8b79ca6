namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>Waits for a condition in small steps up to a hard deadline (no sleeps hoping something happened).</summary>
internal static class Poll
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(25);

    public static async Task UntilAsync(Func<bool> condition, TimeSpan deadline, string because)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(start) > deadline)
            {
                throw new TimeoutException($"Not true within {deadline.TotalSeconds:0.#} s: {because}");
            }

            await Task.Delay(Step);
        }
    }

    public static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan deadline, string because)
        where T : class
    {
        T? value = null;
        await UntilAsync(() => (value = probe()) is not null, deadline, because);
        return value!;
    }

    public static async Task<T> UntilResultAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string because)
        where T : class
    {
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (TimeProvider.System.GetElapsedTime(start) > deadline)
            {
                throw new TimeoutException($"Not true within {deadline.TotalSeconds:0.#} s: {because}");
            }

            await Task.Delay(Step);
        }
    }
}
