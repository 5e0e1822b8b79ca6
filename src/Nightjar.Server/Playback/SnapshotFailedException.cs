namespace Nightjar.Server.Playback;

/// <summary>ffmpeg could not make a JPEG of the newest keyframe (the log has its stderr).</summary>
internal sealed class SnapshotFailedException : Exception
{
    public SnapshotFailedException()
        : base("The snapshot could not be decoded.")
    {
    }

    public SnapshotFailedException(string message)
        : base(message)
    {
    }

    public SnapshotFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
