namespace Nightjar.IntegrationTests.Retention;

/// <summary>
/// A whole scenario under one hard deadline. Unlike wrapping it in <c>Wait.ForAsync</c>, a failure inside the scenario
/// (an inner wait's own timeout included) keeps its message; only the scenario overrunning is reported as the deadline.
/// </summary>
internal static class HardDeadline
{
    public static async Task RunAsync(Func<Task> scenario, TimeSpan deadline, string name)
    {
        var task = scenario();
        try
        {
            await task.WaitAsync(deadline);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"{name} overran its hard deadline of {deadline.TotalSeconds} s.");
        }
    }
}
