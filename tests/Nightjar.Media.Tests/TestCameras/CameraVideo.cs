namespace Nightjar.Media.Tests.TestCameras;

/// <summary>Video of the camera stand-in; <see cref="Default"/> is 640x360, 25 fps, a keyframe every second, 1 Mbit/s.</summary>
public readonly record struct CameraVideo(int Width, int Height, int Fps, int GopFrames, int BitrateKbps)
{
    public static CameraVideo Default { get; } = new(640, 360, 25, 25, 1000);
}
