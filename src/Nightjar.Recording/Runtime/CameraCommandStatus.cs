namespace Nightjar.Recording.Runtime;

/// <summary>How a camera command ended; maps to 200/201, 404 and 409.</summary>
public enum CameraCommandStatus
{
    Ok,
    NotFound,
    Conflict,
}
