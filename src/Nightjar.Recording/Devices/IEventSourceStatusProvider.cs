using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Devices;

/// <summary>The live state of cameras' event sources, for camera status.</summary>
public interface IEventSourceStatusProvider
{
    /// <summary>The camera's event source state; null when it has no running source (none configured, or disabled).</summary>
    EventSourceStatus? Find(CameraId camera);
}
