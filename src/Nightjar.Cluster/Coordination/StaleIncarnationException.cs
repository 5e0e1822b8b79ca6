namespace Nightjar.Cluster.Coordination;

/// <summary>A newer incarnation of this node id is live: this process is a stale clone and must exit.</summary>
public sealed class StaleIncarnationException : Exception
{
    public StaleIncarnationException()
    {
    }

    public StaleIncarnationException(string message)
        : base(message)
    {
    }

    public StaleIncarnationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
