namespace Nightjar.Actors.Tests;

public sealed class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2030, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);

    [Fact]
    public void Time_MovesOnlyWhenAdvanced()
    {
        long before = _clock.GetTimestamp();
        _clock.GetUtcNow().Should().Be(Start);

        _clock.Advance(TimeSpan.FromHours(25));

        _clock.GetUtcNow().Should().Be(Start.AddHours(25));
        _clock.GetElapsedTime(before).Should().Be(TimeSpan.FromHours(25));
        _clock.LocalTimeZone.Should().Be(TimeZoneInfo.Utc);
    }

    [Fact]
    public void OneShotTimer_FiresOnceWhenItsDueTimeIsReached()
    {
        var fired = new List<DateTimeOffset>();
        using var timer = _clock.CreateTimer(_ => fired.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(9));
        fired.Should().BeEmpty();
        _clock.Advance(TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromMinutes(5));

        fired.Should().Equal(Start.AddSeconds(10));
        _clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public void PeriodicTimer_FiresOncePerPeriodAtEachDueInstant()
    {
        var fired = new List<TimeSpan>();
        using var timer = _clock.CreateTimer(_ => fired.Add(_clock.GetUtcNow() - Start), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        _clock.Advance(TimeSpan.FromSeconds(6));

        fired.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
        _clock.GetUtcNow().Should().Be(Start.AddSeconds(6));
        _clock.NextTimerDueIn.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Timers_FireInDueOrderAcrossTimers()
    {
        var fired = new List<string>();
        using var late = _clock.CreateTimer(_ => fired.Add("late"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = _clock.CreateTimer(_ => fired.Add("early"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var tie = _clock.CreateTimer(_ => fired.Add("tie"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(3));

        fired.Should().Equal("early", "late", "tie");
    }

    [Fact]
    public void Change_ReschedulesAndCanDisarm()
    {
        int fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan).Should().BeTrue();
        _clock.Advance(TimeSpan.FromSeconds(4));
        fired.Should().Be(0);
        _clock.Advance(TimeSpan.FromSeconds(1));
        fired.Should().Be(1);

        timer.Change(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromSeconds(10));
        fired.Should().Be(1);
    }

    [Fact]
    public void Dispose_StopsTheTimerAndChangeThenFails()
    {
        int fired = 0;
        var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(10));

        fired.Should().Be(0);
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan).Should().BeFalse();
        _clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public void Callback_CanDisposeOrRearmItsOwnTimer()
    {
        int fired = 0;
        ITimer? timer = null;
        timer = _clock.CreateTimer(_ =>
        {
            if (++fired == 2)
            {
                timer!.Dispose();
            }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        _clock.Advance(TimeSpan.FromSeconds(10));

        fired.Should().Be(2);
    }

    [Fact]
    public void TimerDueNow_FiresOnTheNextAdvanceEvenOfZero()
    {
        int fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        fired.Should().Be(0, "callbacks never run inside CreateTimer");

        _clock.Advance(TimeSpan.Zero);

        fired.Should().Be(1);
    }

    [Fact]
    public async Task TaskDelayAndCancellationSources_FollowTheFakeClock()
    {
        var delay = Task.Delay(TimeSpan.FromMinutes(10), _clock);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1), _clock);

        _clock.Advance(TimeSpan.FromMinutes(1));
        cts.IsCancellationRequested.Should().BeTrue();
        delay.IsCompleted.Should().BeFalse();
        _clock.Advance(TimeSpan.FromMinutes(9));

        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void TimeNeverGoesBack()
    {
        _clock.Invoking(c => c.Advance(TimeSpan.FromTicks(-1))).Should().Throw<ArgumentOutOfRangeException>();
        _clock.Invoking(c => c.SetUtcNow(Start.AddSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>();

        _clock.SetUtcNow(Start.AddDays(3));
        _clock.GetUtcNow().Should().Be(Start.AddDays(3));
    }

    [Fact]
    public void CreateTimer_WithNegativeDueTime_Throws()
    {
        var act = () => _clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), Timeout.InfiniteTimeSpan);

        act.Should().Throw<ArgumentOutOfRangeException>();
        _clock.ActiveTimerCount.Should().Be(0);
        _clock.NextTimerDueIn.Should().BeNull();
    }

    [Fact]
    public async Task ConcurrentCreatesAndAdvances_LoseNoFirings()
    {
        int fired = 0;
        var timers = new System.Collections.Concurrent.ConcurrentBag<ITimer>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 250; i++)
            {
                timers.Add(_clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
            }
        })));

        _clock.Advance(TimeSpan.FromSeconds(1));

        fired.Should().Be(1_000);
    }
}
