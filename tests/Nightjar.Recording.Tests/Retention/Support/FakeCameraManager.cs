using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Tests.Retention.Support;

/// <summary>Only the registry: retention reads policies from it and nothing else.</summary>
internal sealed class FakeCameraManager : ICameraManager
{
    public CameraRegistry Registry { get; set; } = CameraRegistry.Empty;

    public void Put(CameraDefinition camera) => Registry = Registry.Apply(new CameraAdded(camera));

    public void Remove(CameraId camera) => Registry = Registry.Apply(new CameraRemoved(camera));

    public Task<CameraCommandResult> AddAsync(CameraDefinition definition, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CameraCommandResult> ReplaceAsync(CameraDefinition definition, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CameraCommandResult> RemoveAsync(CameraId id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CameraStatus?> GetStatusAsync(CameraId id, CancellationToken cancellationToken) => throw new NotSupportedException();
}
