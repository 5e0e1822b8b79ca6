using System.Runtime.CompilerServices;

namespace Nightjar.Actors.Runtime;

/// <summary>
/// The asker's side of one ask. Deriving from the completion source saves an allocation per ask; every completion goes
/// through the methods below so the timeout timer and the cancellation registration are always released.
/// </summary>
internal sealed class AskSink<TReply>(string actorPath) : TaskCompletionSource<TReply>(TaskCreationOptions.RunContinuationsAsynchronously), IReplySink
{
    private ITimer? _timer;
    private CancellationTokenRegistration _registration;
    private TimeSpan _timeout;

    public bool IsCompleted => Task.IsCompleted;

    public void Arm(TimeProvider timeProvider, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            var timer = RuntimeTimers.Create(timeProvider, static s => ((AskSink<TReply>)s!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan);
            Volatile.Write(ref _timer, timer);
            if (Task.IsCompleted)
            {
                timer.Dispose();
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(static (s, token) => ((AskSink<TReply>)s!).OnCanceled(token), this);
            if (Task.IsCompleted)
            {
                _registration.Unregister();
            }
        }
    }

    public bool TryReply<T>(T value)
    {
        if (typeof(T) == typeof(TReply))
        {
            return Complete(TrySetResult(Unsafe.As<T, TReply>(ref value)));
        }

        object? boxed = value;
        if (boxed is TReply reply)
        {
            return Complete(TrySetResult(reply));
        }

        if (boxed is null && default(TReply) is null)
        {
            return Complete(TrySetResult(default!));
        }

        return TryFail(new InvalidCastException(
            $"The ask to '{actorPath}' expected a reply of type {typeof(TReply).Name} but got {boxed?.GetType().Name ?? "null"}."));
    }

    public bool TryFail(Exception exception) => Complete(TrySetException(exception));

    private void OnTimeout() => Complete(TrySetException(new AskTimeoutException(actorPath, _timeout)));

    private void OnCanceled(CancellationToken token) => Complete(TrySetCanceled(token));

    private bool Complete(bool completedNow)
    {
        if (completedNow)
        {
            Volatile.Read(ref _timer)?.Dispose();
            _registration.Unregister();
        }

        return completedNow;
    }
}
