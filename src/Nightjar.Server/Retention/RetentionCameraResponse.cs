using Nightjar.Recording.Policies;
using Nightjar.Recording.Retention;

namespace Nightjar.Server.Retention;

/// <summary>One camera in <see cref="RetentionResponse"/>: its configured depth against what its archive holds.</summary>
/// <param name="Id">The camera id.</param>
/// <param name="Depth">The depth in force (<c>7d</c> or <c>unlimited</c>), the storage root's default applied.</param>
/// <param name="MotionDepth">Extra time kept around motion; null when motion gets none.</param>
/// <param name="OldestRecording">Start of its oldest recording; null when it has none.</param>
/// <param name="ActualDepth">How far back its recordings reach (now minus the oldest), as text; null without recordings.</param>
/// <param name="ActualDepthSeconds">The same in seconds, for comparisons in scripts and dashboards.</param>
/// <param name="Bytes">Bytes of its recordings.</param>
/// <param name="ProtectedBytes">Bytes of its recordings protected by motion (within its motion depth) or an evidence lock in force.</param>
/// <param name="SpaceBytes">Its own space cap; null when only the root's limit applies.</param>
internal sealed record RetentionCameraResponse(
    string Id,
    string Depth,
    string? MotionDepth,
    DateTimeOffset? OldestRecording,
    string? ActualDepth,
    long? ActualDepthSeconds,
    long Bytes,
    long ProtectedBytes,
    long? SpaceBytes)
{
    public static RetentionCameraResponse From(CameraRetentionReport camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        // A recording stamped slightly ahead of the node's clock must not show a negative depth.
        TimeSpan? actual = camera.ActualDepth is { } depth ? (depth > TimeSpan.Zero ? depth : TimeSpan.Zero) : null;
        return new RetentionCameraResponse(
            camera.CameraId.Value,
            camera.Depth,
            camera.MotionDepth,
            camera.OldestRecording,
            actual is { } a ? DurationText.Format(a) : null,
            actual is { } s ? (long)s.TotalSeconds : null,
            camera.Bytes,
            camera.ProtectedBytes,
            camera.SpaceBytes);
    }
}
