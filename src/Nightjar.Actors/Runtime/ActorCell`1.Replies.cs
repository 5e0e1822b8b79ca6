namespace Nightjar.Actors.Runtime;

/// <summary>The reply owed for the message being processed, and replies deferred past it.</summary>
internal sealed partial class ActorCell<TMessage>
{
    private IReplySink? _currentReply;
    private bool _replyClaimed;
    private List<IReplySink>? _deferredReplies;

    public bool IsAsk => _currentReply is not null;

    public void Respond<T>(T reply)
    {
        if (_currentReply is { } sink)
        {
            _replyClaimed = true;
            sink.TryReply(reply);
        }
    }

    public ReplyHandle DeferReply()
    {
        if (_currentReply is not { } sink)
        {
            return ReplyHandle.None;
        }

        _replyClaimed = true;
        var deferred = _deferredReplies ??= [];

        // Keep the list short on long-lived actors: drop replies already given.
        if (deferred.Count >= 32)
        {
            deferred.RemoveAll(static s => s.IsCompleted);
        }

        deferred.Add(sink);
        return new ReplyHandle(sink);
    }

    /// <summary>The instance that promised these replies is gone: its askers learn why instead of timing out.</summary>
    private void FailDeferredReplies(Exception reason)
    {
        if (_deferredReplies is not { } deferred)
        {
            return;
        }

        _deferredReplies = null;
        foreach (var sink in deferred)
        {
            sink.TryFail(reason);
        }
    }
}
