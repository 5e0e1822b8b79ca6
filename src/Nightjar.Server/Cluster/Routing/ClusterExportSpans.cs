using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;
using Nightjar.Server.Playback;

namespace Nightjar.Server.Cluster.Routing;

/// <summary>
/// <see cref="IRemoteSpans"/> of a cluster: where a segment's file is comes from the catalog's storage root (as for
/// chunks), and its bytes from that node's <c>/f/</c> URL with a range, under the cluster key and the caller's role.
/// </summary>
internal sealed class ClusterExportSpans(ClusterRouter router, ClusterForwarder forwarder, IClusterDirectory directory) : IRemoteSpans
{
    public Task<string?> RemoteHolderAsync(CameraId camera, string stream, HlsSegment segment, CancellationToken cancellationToken) =>
        router.RemoteHolderAsync(camera, stream, segment, cancellationToken);

    public Task CopyAsync(FileSpan span, string role, Stream destination, CancellationToken cancellationToken)
    {
        var node = span.Node ?? throw new ArgumentException("The span is on this node.", nameof(span));
        var target = directory.RemoteNode(node) ?? throw new RemoteSpanException($"Node '{node}', holding {span.FullPath}, is not running.");
        return forwarder.CopyRangeAsync(target, span.FullPath, span.Offset, span.Length, role, destination, cancellationToken);
    }
}
