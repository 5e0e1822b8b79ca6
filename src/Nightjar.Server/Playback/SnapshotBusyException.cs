namespace Nightjar.Server.Playback;

/// <summary>Every snapshot decoder stayed busy for <see cref="PlaybackLimits.SnapshotQueueTimeout"/>.</summary>
internal sealed class SnapshotBusyException : Exception
{
    public SnapshotBusyException()
        : base("Every snapshot decoder is busy.")
    {
    }

    public SnapshotBusyException(string message)
        : base(message)
    {
    }

    public SnapshotBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
