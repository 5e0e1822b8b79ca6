namespace Nightjar.Actors;

/// <summary>
/// The actor finished handling an asked message without calling <c>Respond</c> or <c>DeferReply</c>: the asker is told
/// at once instead of waiting for its timeout.
/// </summary>
public sealed class NoReplyException : InvalidOperationException
{
    public NoReplyException()
        : this("The actor handled the message without replying.")
    {
    }

    public NoReplyException(string message)
        : base(message)
    {
    }

    public NoReplyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal NoReplyException(string actorPath, Type messageType)
        : base($"Actor '{actorPath}' handled {messageType.Name} without replying to the ask.")
    {
    }
}
