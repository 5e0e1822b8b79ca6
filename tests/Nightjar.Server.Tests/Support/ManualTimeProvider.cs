namespace Nightjar.Server.Tests.Support;

/// <summary>
/// A TimeProvider whose clock moves only when told (Microsoft.Extensions.TimeProvider.Testing does not
/// restore here). Timers, Task.Delay and CancellationTokenSource timeouts created through it fire on Advance.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;
    private long _timestamp;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers that are scheduled to fire (tests wait for a component to arm one before advancing).</summary>
    public int ScheduledTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.DueTimestamp is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _timestamp;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        List<ManualTimer> due;
        lock (_lock)
        {
            _now += by;
            _timestamp += by.Ticks;
            due = [.. _timers.Where(t => t.DueTimestamp <= _timestamp)];
            foreach (var timer in due)
            {
                timer.Reschedule(_timestamp);
            }
        }

        // Callbacks run outside the lock: they may create or change timers.
        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private long _periodTicks;

        public long? DueTimestamp { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                _periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                DueTimestamp = dueTime == Timeout.InfiniteTimeSpan ? null : owner._timestamp + dueTime.Ticks;
            }

            return true;
        }

        public void Reschedule(long now) => DueTimestamp = _periodTicks > 0 ? now + _periodTicks : null;

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
