using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Recording.Retention;
using Nightjar.Server.Retention;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Retention;

/// <summary>
/// The hosting of retention when its start fails: the node's start is never held up nor failed, the state says
/// degraded with a reason safe to show, and a fresh attempt follows after a growing pause on the node's clock.
/// </summary>
public sealed class RetentionHostedServiceTests
{
    private readonly ManualTimeProvider _time = new();
    private int _attempts;

    [Fact]
    public async Task StartAsync_ServiceCannotBeMade_ReturnsAtOnceDegradedAndRetriesWithGrowingPauses()
    {
        await using var hosted = Hosted(() => throw new InvalidOperationException("database gone"));

        await hosted.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => hosted.State == RetentionState.Degraded, TimeSpan.FromSeconds(10), "the first attempt to fail");

        hosted.Service.Should().BeNull();
        hosted.Problem.Should().Contain("retrying").And.NotContain("database gone", "the reason stays in the log, the probe is public");
        _attempts.Should().Be(1);

        await AdvanceUntilAttemptAsync(2, TimeSpan.FromSeconds(2));
        await AdvanceUntilAttemptAsync(3, TimeSpan.FromSeconds(4));
        _time.Advance(TimeSpan.FromSeconds(7));
        _attempts.Should().Be(3, "the pause doubles: 2 s, 4 s, then 8 s");
        await AdvanceUntilAttemptAsync(4, TimeSpan.FromSeconds(1));

        await hosted.StopAsync(CancellationToken.None);
        hosted.State.Should().Be(RetentionState.Stopped);
        _time.Advance(TimeSpan.FromMinutes(5));
        _attempts.Should().Be(4, "no attempt after the node stopped");
    }

    [Fact]
    public async Task StartAsync_NoProtectionSource_SaysSoInTheProblem()
    {
        await using var hosted = Hosted(() => throw new MissingProtectionSourceException());

        await hosted.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => hosted.State == RetentionState.Degraded, TimeSpan.FromSeconds(10), "the attempt to fail");

        hosted.Problem.Should().Be(MissingProtectionSourceException.Text);
        hosted.RequestPass(); // nothing to ask while not running, and no exception either
        await hosted.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_BeforeTheFirstAttemptEnded_Stops()
    {
        await using var hosted = Hosted(() => throw new InvalidOperationException("never"));

        await hosted.StopAsync(CancellationToken.None);

        hosted.State.Should().Be(RetentionState.Stopped);
    }

    private RetentionHostedService Hosted(Func<RetentionService> create) =>
        new(
            () =>
            {
                Interlocked.Increment(ref _attempts);
                return create();
            },
            _time,
            NullLogger<RetentionHostedService>.Instance);

    private async Task AdvanceUntilAttemptAsync(int attempt, TimeSpan pause)
    {
        // The retry timer is armed by the background loop: wait for it before moving the clock.
        await Wait.UntilAsync(() => _time.ScheduledTimerCount > 0, TimeSpan.FromSeconds(10), "the retry timer to be armed");
        _time.Advance(pause);
        await Wait.UntilAsync(() => Volatile.Read(ref _attempts) >= attempt, TimeSpan.FromSeconds(10), $"attempt {attempt}");
    }
}
