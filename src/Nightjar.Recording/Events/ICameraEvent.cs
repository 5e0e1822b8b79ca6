using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>An event about one camera: handy for journal tags and per-camera projections.</summary>
public interface ICameraEvent : IRecordingEvent
{
    CameraId CameraId { get; }
}
