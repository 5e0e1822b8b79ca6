using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Playback;

/// <summary>
/// Recording files on other nodes of a cluster, so one export can span a camera's moves between nodes: which node
/// holds a segment, and its bytes. On a single node nothing is ever remote.
/// </summary>
internal interface IRemoteSpans
{
    /// <summary>The node holding <paramref name="segment"/>'s file when it is another node; null when it is here or nobody has it.</summary>
    Task<string?> RemoteHolderAsync(CameraId camera, string stream, HlsSegment segment, CancellationToken cancellationToken);

    /// <summary>Copies a span with <see cref="FileSpan.Node"/> set from that node, asked with the caller's <paramref name="role"/>.</summary>
    /// <exception cref="RemoteSpanException">The node cannot be reached, or sent fewer bytes than the span holds.</exception>
    Task CopyAsync(FileSpan span, string role, Stream destination, CancellationToken cancellationToken);
}
