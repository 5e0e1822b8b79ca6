using Nightjar.Recording.Events;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>The published camera registry: written by the camera directory after each journaled change, read by anyone.</summary>
internal sealed class RegistryHolder
{
    private CameraRegistry _current = CameraRegistry.Empty;

    public CameraRegistry Current => Volatile.Read(ref _current);

    public void Publish(CameraRegistry registry) => Volatile.Write(ref _current, registry);
}
