namespace Nightjar.Media.Tests.TestCameras;

/// <summary>
/// Tests that run ffmpeg against camera stand-ins share this collection, so they run one class
/// at a time: the machine has two cores and these tests measure timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealCameraCollection
{
    public const string Name = "Real camera stand-ins";
}
