using Microsoft.AspNetCore.Http.HttpResults;
using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Playback;
using Nightjar.Server.Security;

namespace Nightjar.Server.Cluster.Routing;

/// <summary>
/// Decides, per request, whether this node answers or another node must (DESIGN.md, Cluster: "any node answers any
/// API, HLS or RTSP request"): null means "serve here"; otherwise the result forwards the request or explains why
/// it cannot be served now. Runs after authorization, so only callers allowed here are ever forwarded, and a
/// request another node forwarded is never forwarded again.
/// </summary>
internal sealed partial class ClusterRouter(
    IClusterDirectory directory,
    ClusterForwarder forwarder,
    RemoteSegmentLocator locator,
    ICameraManager cameras,
    IRecordingArchive archive,
    ClusterRoutingMetrics metrics,
    ILogger<ClusterRouter> logger)
{
    public bool Enabled => directory.Enabled;

    /// <summary>Live state (live window, snapshot, ingest status) is in the memory of the node recording the camera.</summary>
    public IResult? ToCameraOwner(HttpContext http, string? cameraText, string kind)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Routable(http) || !CameraId.TryParse(cameraText, out var camera, out _) || directory.RemoteOwnerOf(camera) is not { } owner)
        {
            return null;
        }

        return Forward(http, owner, kind);
    }

    /// <summary>
    /// A chunk this node does not hold: the node whose storage root the catalog names, or, for a file the catalog does
    /// not list yet (the one being written), the camera's owner.
    /// </summary>
    public async ValueTask<IResult?> ToChunkHolderAsync(HttpContext http, string? cameraText, string? stream, string? segmentKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Routable(http)
            || ClusterKeyHeaders.IsForwarded(http.Request)
            || !CameraId.TryParse(cameraText, out var camera, out _)
            || stream is null
            || segmentKey is null
            || archive.ResolveChunkFile(camera, stream, segmentKey) is not null)
        {
            return null;
        }

        var location = await locator.LocateAsync(camera, stream, segmentKey, http.RequestAborted);
        if (location is { Known: true, NodeId: null })
        {
            return null;
        }

        if (location is { Known: true, NodeId: { } nodeId })
        {
            return directory.RemoteNode(nodeId) is { } holder
                ? Forward(http, holder, ForwardKinds.Chunk)
                : NoHolder(http, ForwardKinds.Chunk, $"The recording file is on node '{nodeId}', which is not running now. Try again shortly.");
        }

        return directory.RemoteOwnerOf(camera) is { } owner ? Forward(http, owner, ForwardKinds.Chunk) : null;
    }

    /// <summary>
    /// An export over recordings of one other node goes there whole; over recordings of several nodes (the camera moved
    /// during the range) it is made here, the other nodes' files fetched from them (<see cref="ClusterExportSpans"/>).
    /// A node holding a part that is not running makes it a 503 rather than a file with a silent hole.
    /// </summary>
    public async ValueTask<IResult?> ToExportHolderAsync(HttpContext http, string? from, string? duration)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Routable(http)
            || ClusterKeyHeaders.IsForwarded(http.Request)
            || !MediaPathResolver.TryResolve(http, cameras, out var path, out _)
            || !ArchiveRange.TryParse(from, duration, allowNow: false, out var range, out _))
        {
            return null;
        }

        var to = range.To!.Value;
        var segments = await archive.GetSegmentsAsync(path.CameraId, path.Stream, range.From, to, http.RequestAborted);
        var nodes = new List<string>();
        foreach (var segment in segments.Where(s => ChunkWindow.MayOverlap(s, to)))
        {
            if (await HolderOfAsync(path.CameraId, path.Stream, segment, http.RequestAborted) is { } node && !nodes.Contains(node, StringComparer.Ordinal))
            {
                nodes.Add(node);
            }
        }

        if (nodes.Count == 0 || (nodes.Count == 1 && string.Equals(nodes[0], directory.LocalNodeId, StringComparison.Ordinal)))
        {
            return null;
        }

        if (nodes.Count == 1)
        {
            return directory.RemoteNode(nodes[0]) is { } holder
                ? Forward(http, holder, ForwardKinds.Export)
                : NoHolder(http, ForwardKinds.Export, $"The recordings of this range are on node '{nodes[0]}', which is not running now. Try again shortly.");
        }

        var down = nodes.Where(n => !string.Equals(n, directory.LocalNodeId, StringComparison.Ordinal) && directory.RemoteNode(n) is null).ToList();
        if (down.Count > 0)
        {
            return NoHolder(http, ForwardKinds.Export, $"Part of this range is recorded on node(s) {string.Join(", ", down)}, not running now. Try again shortly, or export the other parts.");
        }

        metrics.Forwarded(ForwardKinds.Export, ForwardOutcomes.Split);
        return null;
    }

    /// <summary>The node holding a segment's file, when it is another one: what a merged export fetches from elsewhere.</summary>
    public async Task<string?> RemoteHolderAsync(CameraId camera, string stream, HlsSegment segment, CancellationToken cancellationToken)
    {
        if (!directory.Enabled)
        {
            return null;
        }

        var node = await HolderOfAsync(camera, stream, segment, cancellationToken);
        return string.Equals(node, directory.LocalNodeId, StringComparison.Ordinal) ? null : node;
    }

    /// <summary>A growing (<c>-now</c>) archive playlist ends at the live edge, which only the owner has in memory.</summary>
    public IResult? ToOwnerWhenGrowing(HttpContext http, string? cameraText, string? duration) =>
        string.Equals(duration, ArchiveRange.Now, StringComparison.Ordinal) ? ToCameraOwner(http, cameraText, ForwardKinds.Live) : null;

    private IResult Forward(HttpContext http, ClusterNodeAddress target, string kind)
    {
        if (ClusterKeyHeaders.IsForwarded(http.Request))
        {
            // Two nodes disagree about the holder for a moment (a camera is moving): a second hop could ping-pong.
            var by = http.Request.Headers[ClusterKeyHeaders.ForwardedBy].ToString();
            LogForwardLoop(logger, MediaPathResolver.Printable(by), target.NodeId, http.Request.Path.Value);
            metrics.Forwarded(kind, ForwardOutcomes.Loop);
            return ClusterProblems.OwnerUnreachable(
                http,
                $"Another node sent this request here, but this node sees node '{target.NodeId}' as the holder: the nodes disagree for a moment (a camera is moving). Try again shortly.",
                forwarder.RetryAfterSeconds);
        }

        return new ForwardedResult(forwarder, target, kind);
    }

    private ProblemHttpResult NoHolder(HttpContext http, string kind, string detail)
    {
        metrics.Forwarded(kind, ForwardOutcomes.NoOwner);
        return ClusterProblems.OwnerUnreachable(http, detail, forwarder.RetryAfterSeconds);
    }

    /// <summary>The node holding a segment's file (this node's id when here), or null when nobody has it.</summary>
    private async Task<string?> HolderOfAsync(CameraId camera, string stream, HlsSegment segment, CancellationToken cancellationToken)
    {
        if (archive.ResolveChunkFile(camera, stream, segment.Key) is not null)
        {
            return directory.LocalNodeId;
        }

        var location = await locator.LocateAsync(camera, stream, segment.Key, cancellationToken);
        return location.Known
            ? location.NodeId
            : directory.RemoteOwnerOf(camera)?.NodeId;
    }

    private bool Routable(HttpContext http) => directory.Enabled && http.User.Identity?.IsAuthenticated == true;

    [LoggerMessage(EventId = ClusterRoutingEventIds.ForwardLoop, Level = LogLevel.Warning,
        Message = "Request {Path} forwarded by node {ForwardedBy} belongs to node {NodeId} as this node sees it; answered 503 instead of forwarding again")]
    private static partial void LogForwardLoop(ILogger logger, string forwardedBy, string nodeId, string? path);
}
