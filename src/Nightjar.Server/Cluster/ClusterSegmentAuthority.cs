using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Cluster;

/// <summary>
/// The recording engine's <see cref="ISegmentAuthority"/> in a cluster: the camera's epoch history in PostgreSQL
/// (<c>nightjar_cluster.camera_epoch</c>) says which node owned it when. Start-up recovery asks it, once per file a
/// killed node left behind, before this node's cameras run.
/// </summary>
internal sealed class ClusterSegmentAuthority(ClusterRuntime runtime) : ISegmentAuthority
{
    public Task<bool> OwnedAtAsync(CameraId camera, string nodeId, DateTimeOffset at, CancellationToken ct) =>
        runtime.Views.OwnedAtAsync(camera.Value, nodeId, at, ct);
}
