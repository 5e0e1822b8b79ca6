namespace Nightjar.Recording.Runtime;

/// <summary>Where a stream's ingest is; serialized in lower case in the status API.</summary>
public enum StreamState
{
    /// <summary>ffmpeg started, no media yet.</summary>
    Starting,

    /// <summary>Media flows and segments are being written.</summary>
    Recording,

    /// <summary>The source closed or stalled; waiting out the restart backoff.</summary>
    Reconnecting,

    /// <summary>Restarts keep failing; the last error says why. Retries continue at the slowest backoff.</summary>
    Failed,

    /// <summary>Recording is off for this stream or the camera is disabled.</summary>
    Disabled,
}
