using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Retention;

/// <summary>What protects one camera's recordings: its motion windows (oldest first) and its unreleased locks.</summary>
public sealed record CameraProtection(CameraId CameraId, IReadOnlyList<MotionWindow> Motion, IReadOnlyList<EvidenceLock> Locks)
{
    public static CameraProtection None(CameraId cameraId) => new(cameraId, [], []);
}
