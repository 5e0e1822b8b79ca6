namespace Nightjar.Actors;

/// <summary>An ask got no reply within its timeout.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    public AskTimeoutException()
        : this("The ask timed out.")
    {
    }

    public AskTimeoutException(string message)
        : base(message)
    {
        ActorPath = string.Empty;
    }

    public AskTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        ActorPath = string.Empty;
    }

    internal AskTimeoutException(string actorPath, TimeSpan timeout)
        : base($"Actor '{actorPath}' did not reply within {timeout}.")
    {
        ActorPath = actorPath;
        Timeout = timeout;
    }

    public string ActorPath { get; }

    public TimeSpan Timeout { get; }
}
