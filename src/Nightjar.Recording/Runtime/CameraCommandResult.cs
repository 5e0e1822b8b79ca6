using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime;

/// <summary>The outcome of a camera command: the stored definition when it succeeded, a reason when it did not.</summary>
public sealed record CameraCommandResult(CameraCommandStatus Status, CameraDefinition? Camera, string? Reason)
{
    public static CameraCommandResult Ok(CameraDefinition camera) => new(CameraCommandStatus.Ok, camera, null);

    public static CameraCommandResult NotFound(string reason) => new(CameraCommandStatus.NotFound, null, reason);

    public static CameraCommandResult Conflict(string reason) => new(CameraCommandStatus.Conflict, null, reason);
}
