using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Signals;

/// <summary>A hand-written <see cref="ICameraManager"/> whose registry the test edits directly.</summary>
internal sealed class SignalCameras : ICameraManager
{
    private readonly Lock _lock = new();

    public SignalCameras(params string[] ids)
    {
        var protector = Protectors.Create();
        Registry = CameraRegistry.Empty.ApplyAll(ids.Select(id => new CameraAdded(Samples.Camera(id).ProtectCredentials(protector))));
    }

    public CameraRegistry Registry { get; private set; }

    public void Remove(string id)
    {
        lock (_lock)
        {
            Registry = Registry.Apply(new CameraRemoved(new CameraId(id)));
        }
    }

    public Task<CameraCommandResult> AddAsync(CameraDefinition definition, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The signal tests never add cameras through the manager.");

    public Task<CameraCommandResult> ReplaceAsync(CameraDefinition definition, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The signal tests never replace cameras.");

    public Task<CameraCommandResult> RemoveAsync(CameraId id, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Use Remove(id).");

    public Task<CameraStatus?> GetStatusAsync(CameraId id, CancellationToken cancellationToken) =>
        Task.FromResult<CameraStatus?>(null);
}
