namespace Nightjar.Actors.Runtime;

/// <summary>Restart timestamps of one actor inside the supervisor's window (monotonic <see cref="TimeProvider"/> ticks).</summary>
internal sealed class RestartStatistics(TimeProvider timeProvider)
{
    private readonly Queue<long> _restarts = new();

    /// <summary>Records a restart now and returns how many restarts, this one included, fall inside <paramref name="window"/>.</summary>
    public int Record(TimeSpan window)
    {
        long now = timeProvider.GetTimestamp();
        while (_restarts.Count > 0 && timeProvider.GetElapsedTime(_restarts.Peek(), now) >= window)
        {
            _restarts.Dequeue();
        }

        _restarts.Enqueue(now);
        return _restarts.Count;
    }
}
