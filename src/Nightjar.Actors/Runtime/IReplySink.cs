namespace Nightjar.Actors.Runtime;

/// <summary>The receiving end of an ask: completed at most once, by a reply, a failure, a timeout or a cancellation.</summary>
internal interface IReplySink
{
    bool IsCompleted { get; }

    bool TryReply<T>(T value);

    bool TryFail(Exception exception);
}
