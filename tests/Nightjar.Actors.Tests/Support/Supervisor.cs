namespace Nightjar.Actors.Tests.Support;

/// <summary>A parent that spawns <see cref="Worker"/> children on every start and supervises them with a given strategy.</summary>
internal sealed class Supervisor(SupervisorStrategy childStrategy, TestProbe<IActorRef<string>> children, TestProbe<string> events, params string[] childNames)
    : Actor<string>
{
    protected override SupervisorStrategy? SupervisorStrategy => childStrategy;

    protected override ValueTask ReceiveAsync(string message) =>
        message == "boom" ? throw new InvalidOperationException("supervisor exploded") : ValueTask.CompletedTask;

    protected override ValueTask StartedAsync()
    {
        foreach (var name in childNames)
        {
            children.Ref.Tell(Context.Spawn<string>(name, () => new Worker(events)));
        }

        events.Ref.Tell("supervisor started");
        return ValueTask.CompletedTask;
    }

    protected override ValueTask PostRestartAsync(Exception reason)
    {
        events.Ref.Tell("supervisor restarted");
        return StartedAsync();
    }
}
