namespace Nightjar.Actors.Tests.Support;

/// <summary>A fresh actor system on a <see cref="ManualTimeProvider"/> per test, killed afterwards.</summary>
public abstract class ActorTestBase : IAsyncLifetime
{
    private static int _systems;

    protected ActorTestBase()
    {
        Clock = new ManualTimeProvider();
        System = new ActorSystem(
            $"{GetType().Name}-{Interlocked.Increment(ref _systems)}",
            new ActorSystemOptions { TimeProvider = Clock, DefaultSupervisorStrategy = ImmediateRestart });
    }

    protected ManualTimeProvider Clock { get; }

    protected ActorSystem System { get; }

    /// <summary>Restart without backoff unless a test chooses otherwise, so tests never wait on the fake clock by accident.</summary>
    protected static SupervisorStrategy ImmediateRestart { get; } = new() { MinBackoff = TimeSpan.Zero, MaxBackoff = TimeSpan.Zero, RandomFactor = 0 };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await System.DisposeAsync();

    protected TestProbe<T> CreateProbe<T>(string? name = null) => System.CreateTestProbe<T>(name);

    /// <summary>Waits (real time, bounded) for a task that must complete.</summary>
    protected static async Task<T> Within<T>(Task<T> task, double seconds = 5) => await task.WaitAsync(TimeSpan.FromSeconds(seconds));

    protected static async Task Within(Task task, double seconds = 5) => await task.WaitAsync(TimeSpan.FromSeconds(seconds));
}
