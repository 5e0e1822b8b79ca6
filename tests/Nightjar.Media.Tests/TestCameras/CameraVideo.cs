namespace Nightjar.Media.Tests.TestCameras;

/// <summary>
/// Video of the camera stand-in; <see cref="Default"/> is 640x360, 25 fps, a keyframe every second,
/// at most 1 Mbit/s of a moving ball (which compresses to ~200 kbit/s; <c>snow</c> fills the budget).
/// </summary>
public readonly record struct CameraVideo(int Width, int Height, int Fps, int GopFrames, int BitrateKbps, string Pattern = "ball")
{
    public static CameraVideo Default { get; } = new(640, 360, 25, 25, 1000);
}
