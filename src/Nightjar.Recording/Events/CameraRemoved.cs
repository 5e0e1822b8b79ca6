using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>A camera was removed from the configuration. Its recordings stay until retention removes them.</summary>
[JournalType("camera.removed.v1")]
public sealed record CameraRemoved(CameraId CameraId) : ICameraEvent;
