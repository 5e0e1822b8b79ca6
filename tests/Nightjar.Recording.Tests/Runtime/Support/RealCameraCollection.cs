namespace Nightjar.Recording.Tests.Runtime.Support;

/// <summary>
/// Engine tests that run ffmpeg against GStreamer camera stand-ins run one class at a time: the machine has two
/// cores, and these tests measure restarts and stalls in real time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealCameraCollection
{
    public const string Name = "Recording engine with real cameras";
}
