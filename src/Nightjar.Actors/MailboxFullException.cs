namespace Nightjar.Actors;

/// <summary>A bounded mailbox refused or dropped a message.</summary>
public sealed class MailboxFullException : Exception
{
    public MailboxFullException()
        : this("The mailbox is full.")
    {
    }

    public MailboxFullException(string message)
        : base(message)
    {
        ActorPath = string.Empty;
    }

    public MailboxFullException(string message, Exception innerException)
        : base(message, innerException)
    {
        ActorPath = string.Empty;
    }

    internal MailboxFullException(string actorPath, int capacity, MailboxFullMode mode)
        : base($"The mailbox of actor '{actorPath}' is full ({capacity} messages, mode {mode}).")
    {
        ActorPath = actorPath;
    }

    public string ActorPath { get; }
}
