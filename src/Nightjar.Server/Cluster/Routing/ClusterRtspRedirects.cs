using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Cluster.Routing;

/// <summary>
/// Where an RTSP reader goes for a camera another node records: that node's relay, same path (the relay answers
/// <c>302 Moved Temporarily</c> with it). RTSP is not proxied: the video would cross the cluster twice.
/// </summary>
internal sealed partial class ClusterRtspRedirects(IClusterDirectory directory, ClusterRoutingMetrics metrics, ILogger<ClusterRtspRedirects> logger)
{
    /// <summary>The absolute <c>rtsp://</c> URL of <paramref name="path"/> on its owner, or null when it is not elsewhere.</summary>
    public string? Locate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!directory.Enabled)
        {
            return null;
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var cameraText = slash < 0 ? path : path[..slash];
        if (!CameraId.TryParse(cameraText, out var camera, out _) || directory.RemoteOwnerOf(camera) is not { } owner)
        {
            return null;
        }

        metrics.Forwarded(ForwardKinds.RtspRedirect, ForwardOutcomes.Redirected);
        LogRedirected(logger, path, owner.NodeId);
        return owner.RtspUrl.AbsoluteUri.TrimEnd('/') + "/" + path;
    }

    [LoggerMessage(EventId = ClusterRoutingEventIds.RtspRedirected, Level = LogLevel.Debug,
        Message = "RTSP reader of {Path} sent to node {NodeId}")]
    private static partial void LogRedirected(ILogger logger, string path, string nodeId);
}
