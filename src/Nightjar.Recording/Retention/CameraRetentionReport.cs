using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Retention;

/// <summary>One camera's configured depth against what its archive actually holds.</summary>
/// <param name="CameraId">The camera (also a removed camera whose archive is still there).</param>
/// <param name="Depth">The effective depth (<c>7d</c> or <c>unlimited</c>), the root's default applied.</param>
/// <param name="MotionDepth">The motion depth, or null when motion gets no extra time.</param>
/// <param name="OldestRecording">Start of its oldest recorded segment; null without recordings.</param>
/// <param name="ActualDepth">Now minus <paramref name="OldestRecording"/>.</param>
/// <param name="Bytes">Bytes of its recorded segments.</param>
/// <param name="ProtectedBytes">Bytes of its segments overlapping a motion window in its motion depth or a lock in force.</param>
/// <param name="SpaceBytes">Its space cap, if any.</param>
public sealed record CameraRetentionReport(
    CameraId CameraId,
    string Depth,
    string? MotionDepth,
    DateTimeOffset? OldestRecording,
    TimeSpan? ActualDepth,
    long Bytes,
    long ProtectedBytes,
    long? SpaceBytes);
