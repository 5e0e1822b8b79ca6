namespace Nightjar.Benchmarks.Actors;

/// <summary>Completes a task after a set number of signals: how a benchmark knows every message was processed.</summary>
internal sealed class Countdown
{
    private int _remaining;
    private TaskCompletionSource _done = new();

    public Task Arm(int count)
    {
        _done = new TaskCompletionSource();
        Volatile.Write(ref _remaining, count);
        return _done.Task;
    }

    public void Signal()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.SetResult();
        }
    }
}
