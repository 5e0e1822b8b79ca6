namespace Nightjar.Media.Tests.TestCameras;

/// <summary>Authentication the camera stand-in demands when a user is set.</summary>
public enum CameraAuth
{
    Digest,
    Basic,
}
