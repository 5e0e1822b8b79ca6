using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime.Archive;

/// <summary>One stream of one camera: the key of per-stream state.</summary>
internal readonly record struct StreamKey(CameraId Camera, string Stream)
{
    public override string ToString() => Camera.Value + "/" + Stream;
}
