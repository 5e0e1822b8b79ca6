using System.Collections.Concurrent;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Tests.Runtime.Support;

/// <summary>A cluster's placement as a test sets it: the cameras this node owns, changed from the test's thread.</summary>
internal sealed class SettableOwnership : ICameraOwnership
{
    private readonly ConcurrentDictionary<CameraId, bool> _owned = new();

    public event Action? Changed;

    public bool Owns(CameraId camera) => _owned.ContainsKey(camera);

    public void Grant(CameraId camera)
    {
        _owned[camera] = true;
        Changed?.Invoke();
    }

    public void Revoke(CameraId camera)
    {
        _owned.TryRemove(camera, out _);
        Changed?.Invoke();
    }
}
