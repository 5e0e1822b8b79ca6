namespace Nightjar.Actors.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when a test calls <see cref="Advance"/> or <see cref="SetUtcNow"/>.
/// Timers created through <see cref="CreateTimer"/> fire on the advancing thread, in due-time order, each at its own
/// instant (a periodic timer fires once per elapsed period); a timer due at or before "now" when armed fires on the next
/// advance, <c>Advance(TimeSpan.Zero)</c> included. Thread-safe.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _lock = new();
    private readonly object _advanceLock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private long _elapsedTicks;
    private long _timerSequence;

    /// <param name="start">Initial UTC time; 2026-01-01T00:00:00Z when omitted.</param>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _start = (start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToUniversalTime();
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers that are armed (created or changed with a finite due time, not yet disposed or expired).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(static t => t.DueTicks is not null);
            }
        }
    }

    /// <summary>Time until the next armed timer fires, or null when none is armed.</summary>
    public TimeSpan? NextTimerDueIn
    {
        get
        {
            lock (_lock)
            {
                long? next = null;
                foreach (var timer in _timers)
                {
                    if (timer.DueTicks is { } due && (next is null || due < next))
                    {
                        next = due;
                    }
                }

                return next is { } ticks ? TimeSpan.FromTicks(Math.Max(0, ticks - _elapsedTicks)) : null;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _start.AddTicks(_elapsedTicks);
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _elapsedTicks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ValidateTimes(dueTime, period);
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            timer.Sequence = ++_timerSequence;
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves time forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_advanceLock)
        {
            long target;
            lock (_lock)
            {
                target = _elapsedTicks + delta.Ticks;
            }

            while (TakeNextDue(target) is { } due)
            {
                due.Callback(due.State);
            }

            lock (_lock)
            {
                _elapsedTicks = Math.Max(_elapsedTicks, target);
            }
        }
    }

    /// <summary>Moves time forward to <paramref name="utcNow"/>; time never goes back.</summary>
    public void SetUtcNow(DateTimeOffset utcNow)
    {
        var delta = utcNow - GetUtcNow();
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(utcNow), utcNow, "A ManualTimeProvider does not go back in time.");
        }

        Advance(delta);
    }

    /// <summary>The earliest timer due at or before <paramref name="target"/>, with time moved to its due instant and the timer re-armed or disarmed.</summary>
    private ManualTimer? TakeNextDue(long target)
    {
        lock (_lock)
        {
            ManualTimer? next = null;
            foreach (var timer in _timers)
            {
                if (timer.DueTicks is { } due && due <= target
                    && (next is null || due < next.DueTicks || (due == next.DueTicks && timer.Sequence < next.Sequence)))
                {
                    next = timer;
                }
            }

            if (next is null)
            {
                return null;
            }

            _elapsedTicks = Math.Max(_elapsedTicks, next.DueTicks!.Value);
            next.DueTicks = next.PeriodTicks > 0 ? _elapsedTicks + next.PeriodTicks : null;
            return next;
        }
    }

    private static void ValidateTimes(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "Due time must be positive, zero or infinite.");
        }

        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be positive, zero or infinite.");
        }
    }

    private bool ChangeTimer(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ValidateTimes(dueTime, period);
        lock (_lock)
        {
            if (timer.IsDisposed)
            {
                return false;
            }

            timer.DueTicks = dueTime == Timeout.InfiniteTimeSpan ? null : _elapsedTicks + dueTime.Ticks;
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            return true;
        }
    }

    private void RemoveTimer(ManualTimer timer)
    {
        lock (_lock)
        {
            timer.IsDisposed = true;
            timer.DueTicks = null;
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public long Sequence { get; set; }

        /// <summary>Absolute due instant in provider ticks; null when disarmed.</summary>
        public long? DueTicks { get; set; }

        public long PeriodTicks { get; set; }

        public bool IsDisposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.ChangeTimer(this, dueTime, period);

        public void Dispose() => owner.RemoveTimer(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
