namespace Nightjar.Actors.Tests.Support;

/// <summary>An actor assembled from delegates, so each test states its behaviour next to its assertions.</summary>
internal sealed class LambdaActor<T>(Func<ActorContext<T>, T, ValueTask> receive) : Actor<T>
{
    public LambdaActor(Action<ActorContext<T>, T> receive)
        : this((context, message) =>
        {
            receive(context, message);
            return ValueTask.CompletedTask;
        })
    {
    }

    public Func<ActorContext<T>, ValueTask>? OnStarted { get; init; }

    public Func<ActorContext<T>, ValueTask>? OnStopped { get; init; }

    public Func<ActorContext<T>, Exception, ValueTask>? OnPreRestart { get; init; }

    public Func<ActorContext<T>, Exception, ValueTask>? OnPostRestart { get; init; }

    public Func<ActorContext<T>, Terminated, ValueTask>? OnWatchedTerminated { get; init; }

    public SupervisorStrategy? ChildStrategy { get; init; }

    protected override SupervisorStrategy? SupervisorStrategy => ChildStrategy;

    protected override ValueTask ReceiveAsync(T message) => receive(Context, message);

    protected override ValueTask StartedAsync() => OnStarted?.Invoke(Context) ?? ValueTask.CompletedTask;

    protected override ValueTask StoppedAsync() => OnStopped?.Invoke(Context) ?? ValueTask.CompletedTask;

    protected override ValueTask PreRestartAsync(Exception reason) =>
        OnPreRestart?.Invoke(Context, reason) ?? base.PreRestartAsync(reason);

    protected override ValueTask PostRestartAsync(Exception reason) =>
        OnPostRestart?.Invoke(Context, reason) ?? base.PostRestartAsync(reason);

    protected override ValueTask OnTerminatedAsync(Terminated terminated) =>
        OnWatchedTerminated?.Invoke(Context, terminated) ?? ValueTask.CompletedTask;
}
