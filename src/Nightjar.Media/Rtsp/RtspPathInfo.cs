namespace Nightjar.Media.Rtsp;

/// <summary>A path with a publisher, as reported by <see cref="RtspServer.GetPaths"/>.</summary>
/// <param name="Path">The path without leading slash (<c>sim/cam1</c>); the URL is <c>rtsp://host:port/{Path}</c>.</param>
/// <param name="IsLive">False when the publisher has been silent for longer than the publisher timeout.</param>
/// <param name="ReaderCount">Readers currently playing.</param>
/// <param name="PublishedAt">When the current publisher started recording into the path.</param>
/// <param name="Tracks">The published tracks.</param>
/// <param name="PacketsReceived">RTP/RTCP packets received from the current publisher.</param>
/// <param name="BytesReceived">RTP/RTCP bytes received from the current publisher.</param>
public sealed record RtspPathInfo(
    string Path,
    bool IsLive,
    int ReaderCount,
    DateTimeOffset PublishedAt,
    IReadOnlyList<RtspTrackInfo> Tracks,
    long PacketsReceived,
    long BytesReceived);
