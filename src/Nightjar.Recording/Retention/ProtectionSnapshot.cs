using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Retention;

/// <summary>The protection of every camera at one moment, immutable.</summary>
public sealed record ProtectionSnapshot(IReadOnlyDictionary<CameraId, CameraProtection> Cameras)
{
    public static ProtectionSnapshot Empty { get; } = new(new Dictionary<CameraId, CameraProtection>());

    /// <summary>The camera's protection; none when it has neither motion nor locks.</summary>
    public CameraProtection For(CameraId cameraId) =>
        Cameras.TryGetValue(cameraId, out var protection) ? protection : CameraProtection.None(cameraId);
}
