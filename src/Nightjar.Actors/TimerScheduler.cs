using Nightjar.Actors.Runtime;

namespace Nightjar.Actors;

/// <summary>
/// Timers owned by one actor, addressed by key: starting a key again replaces its timer. Every timer is cancelled when
/// the actor stops or restarts, and a tick already queued by then is discarded. Use only from the actor's own handlers.
/// </summary>
public sealed class TimerScheduler<TMessage>
{
    private readonly ActorCell<TMessage> _cell;
    private readonly Dictionary<object, TimerEntry<TMessage>> _timers = [];

    internal TimerScheduler(ActorCell<TMessage> cell) => _cell = cell;

    public int Count => _timers.Count;

    /// <summary>Sends <paramref name="message"/> to the actor itself once, after <paramref name="delay"/>.</summary>
    public void StartSingleTimer(object key, TMessage message, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Start(key, message, periodic: false, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>, the first time after one interval.</summary>
    public void StartPeriodicTimer(object key, TMessage message, TimeSpan interval) =>
        StartPeriodicTimer(key, message, interval, interval);

    /// <summary>
    /// Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.
    /// A slow actor never has more than one tick of a timer waiting in its mailbox.
    /// </summary>
    public void StartPeriodicTimer(object key, TMessage message, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, message, periodic: true, initialDelay, interval);
    }

    public bool IsTimerActive(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _timers.ContainsKey(key);
    }

    public void Cancel(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_timers.Remove(key, out var entry))
        {
            entry.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Cancel();
        }

        _timers.Clear();
    }

    /// <summary>Called by the loop when a tick is dequeued: false for a stale tick; a single timer is done once delivered.</summary>
    internal bool AcceptTick(TimerEntry<TMessage> entry)
    {
        if (!entry.TryAcceptTick())
        {
            return false;
        }

        if (!entry.IsPeriodic && _timers.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
        {
            _timers.Remove(entry.Key);
            entry.Cancel();
        }

        return true;
    }

    private void Start(object key, TMessage message, bool periodic, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        Cancel(key);
        var entry = new TimerEntry<TMessage>(key, message, periodic, _cell);
        _timers[key] = entry;
        entry.Arm(_cell.System.TimeProvider, dueTime, period);
    }
}
