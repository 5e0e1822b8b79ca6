namespace Nightjar.Media.Hls;

/// <summary>Settings of <see cref="ArchivePlaylist"/>.</summary>
public sealed record ArchivePlaylistOptions
{
    /// <summary>How chunks are addressed (and the server's URI callback).</summary>
    public required HlsChunkAddressing Addressing { get; init; }

    /// <summary>A hole longer than this between two chunks is a discontinuity (a gap in the recording).</summary>
    public TimeSpan GapTolerance { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Lower bound of <c>EXT-X-TARGETDURATION</c> in seconds. An EVENT playlist must keep its target
    /// duration while it grows, so set this to the longest GOP the source is configured for.
    /// </summary>
    public int MinTargetDuration { get; init; } = 1;
}
