namespace Nightjar.Server.Playback;

/// <summary>The documented bounds of the playback endpoints (README "Playback endpoints").</summary>
internal static class PlaybackLimits
{
    /// <summary>
    /// Longest range of one archive playlist, timeline or export request: 31 days. Ranges are answered from the
    /// index and playlists are streamed, so the bound is about what a client can use, not about memory.
    /// </summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    /// <summary>The timeline window when a request names no <c>from</c>: the last day.</summary>
    public static readonly TimeSpan DefaultTimelineWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// An archive playlist whose range ended this long ago lists only complete chunks of closed files (the newest
    /// chunk completes at the next keyframe, and a file closes within a few seconds), so it may be cached.
    /// </summary>
    public static readonly TimeSpan SettledAfter = TimeSpan.FromMinutes(2);

    /// <summary>Largest byte range one chunk URL may ask for: far above any GOP of a surveillance stream.</summary>
    public const long MaxChunkBytes = 64L * 1024 * 1024;

    /// <summary>Bytes of the newest GOP piped into a snapshot decoder: a keyframe is far smaller.</summary>
    public const long MaxSnapshotInputBytes = 16L * 1024 * 1024;

    /// <summary>A snapshot is served again from memory for this long (per stream).</summary>
    public static readonly TimeSpan SnapshotCacheTime = TimeSpan.FromSeconds(2);

    /// <summary>How long a snapshot request waits for a free decoder before it is answered with 503.</summary>
    public static readonly TimeSpan SnapshotQueueTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A snapshot decoder that has not answered in this time is killed.</summary>
    public static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Snapshot decoders running at once on this node.</summary>
    public static int MaxConcurrentSnapshots => Math.Max(2, Environment.ProcessorCount);

    /// <summary>MP4 exports (one remuxing ffmpeg each) running at once; more are answered with 503.</summary>
    public static int MaxConcurrentMp4Exports => Math.Max(2, Environment.ProcessorCount);

    /// <summary>Unix seconds accepted in URLs: 0 to the end of year 9999.</summary>
    public const long MaxUnixSeconds = 253_402_300_799;
}
