namespace Nightjar.Actors.Tests.Support;

/// <summary>
/// A counter that reports its lifecycle to a probe: "inc" counts, "get" answers the count, "boom" throws
/// <see cref="InvalidOperationException"/>, "boom-arg" throws <see cref="ArgumentException"/>.
/// </summary>
internal sealed class Worker(TestProbe<string> events) : Actor<string>
{
    private int _count;

    private string Name => Context.Self.Name;

    protected override ValueTask ReceiveAsync(string message)
    {
        switch (message)
        {
            case "inc":
                _count++;
                break;
            case "get":
                Context.Respond(_count);
                break;
            case "boom":
                throw new InvalidOperationException($"{Name} exploded");
            case "boom-arg":
                throw new ArgumentException($"{Name} got a bad argument");
            default:
                events.Ref.Tell($"{Name} got {message}");
                break;
        }

        return ValueTask.CompletedTask;
    }

    protected override ValueTask StartedAsync() => Report("started");

    protected override ValueTask StoppedAsync() => Report("stopped");

    protected override ValueTask PreRestartAsync(Exception reason) => Report("pre-restart");

    protected override ValueTask PostRestartAsync(Exception reason) => Report("post-restart");

    private ValueTask Report(string what)
    {
        events.Ref.Tell($"{Name} {what}");
        return ValueTask.CompletedTask;
    }
}
