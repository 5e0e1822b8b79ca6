using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Tests.Playback;

/// <summary>A hand-written <see cref="ICameraManager"/>: the registry is what playback reads; commands only change it.</summary>
internal sealed class FakeCameraManager(IEnumerable<CameraDefinition> cameras) : ICameraManager
{
    private readonly Lock _lock = new();

    public CameraRegistry Registry { get; private set; } = CameraRegistry.Empty.ApplyAll(cameras.Select(c => new CameraAdded(c)));

    public Task<CameraCommandResult> AddAsync(CameraDefinition definition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Registry.Contains(definition.Id))
            {
                return Task.FromResult(CameraCommandResult.Conflict("exists"));
            }

            Registry = Registry.Apply(new CameraAdded(definition));
            return Task.FromResult(CameraCommandResult.Ok(definition));
        }
    }

    public Task<CameraCommandResult> ReplaceAsync(CameraDefinition definition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!Registry.Contains(definition.Id))
            {
                return Task.FromResult(CameraCommandResult.NotFound("missing"));
            }

            Registry = Registry.Apply(new CameraUpdated(definition));
            return Task.FromResult(CameraCommandResult.Ok(definition));
        }
    }

    public Task<CameraCommandResult> RemoveAsync(CameraId id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Registry.Find(id) is not { } camera)
            {
                return Task.FromResult(CameraCommandResult.NotFound("missing"));
            }

            Registry = Registry.Apply(new CameraRemoved(id));
            return Task.FromResult(CameraCommandResult.Ok(camera));
        }
    }

    public Task<CameraStatus?> GetStatusAsync(CameraId id, CancellationToken cancellationToken) =>
        Task.FromResult(Registry.Find(id) is { } camera
            ? new CameraStatus(id, camera.Enabled, [])
            : null);
}
