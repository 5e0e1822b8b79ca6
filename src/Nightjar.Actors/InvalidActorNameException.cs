namespace Nightjar.Actors;

/// <summary>An actor name is malformed or already taken by a living sibling.</summary>
public sealed class InvalidActorNameException : ArgumentException
{
    public InvalidActorNameException()
    {
    }

    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    public InvalidActorNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
