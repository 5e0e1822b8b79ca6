namespace Nightjar.Recording.Tests.Runtime.Support;

/// <summary>Explicit wait points: poll a condition in small real-time steps until it holds or a hard deadline passes.</summary>
internal static class Poll
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string because)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > deadline)
            {
                throw new TimeoutException($"Gave up after {deadline.TotalSeconds:F0} s waiting until {because}.");
            }

            await Task.Delay(Step);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan deadline, string because) =>
        UntilAsync(() => Task.FromResult(condition()), deadline, because);

    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string because)
        where T : class
    {
        T? value = null;
        await UntilAsync(async () => (value = await probe()) is not null, deadline, because);
        return value!;
    }

    public static Task<T> ForAsync<T>(Func<T?> probe, TimeSpan deadline, string because)
        where T : class =>
        ForAsync(() => Task.FromResult(probe()), deadline, because);
}
