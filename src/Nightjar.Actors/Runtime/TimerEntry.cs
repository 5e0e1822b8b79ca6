namespace Nightjar.Actors.Runtime;

/// <summary>
/// One armed timer of an actor. Its ticks travel through the mailbox carrying the entry itself, so a tick that was
/// already queued when the timer was cancelled, replaced or the actor restarted is recognised as stale and skipped.
/// </summary>
internal sealed class TimerEntry<TMessage>(object key, TMessage message, bool periodic, ActorCell<TMessage> cell)
{
    private ITimer? _timer;
    private volatile bool _cancelled;
    private int _tickQueued;

    public object Key { get; } = key;

    public TMessage Message { get; } = message;

    public bool IsPeriodic { get; } = periodic;

    public bool IsCancelled => _cancelled;

    public void Arm(TimeProvider timeProvider, TimeSpan dueTime, TimeSpan period)
    {
        _timer = RuntimeTimers.Create(timeProvider, static s => ((TimerEntry<TMessage>)s!).OnTick(), this, dueTime, period);
        if (_cancelled)
        {
            _timer.Dispose();
        }
    }

    public void Cancel()
    {
        _cancelled = true;
        _timer?.Dispose();
    }

    /// <summary>Called by the actor's loop when the tick is dequeued; false when the tick is stale.</summary>
    public bool TryAcceptTick()
    {
        Volatile.Write(ref _tickQueued, 0);
        return !_cancelled;
    }

    private void OnTick()
    {
        // A periodic timer on a busy actor must not pile up ticks: at most one of them waits in the mailbox.
        if (_cancelled || Interlocked.Exchange(ref _tickQueued, 1) == 1)
        {
            return;
        }

        if (!cell.PostTimerTick(this))
        {
            Volatile.Write(ref _tickQueued, 0);
        }
    }
}
