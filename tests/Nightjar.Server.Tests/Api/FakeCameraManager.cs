using System.Collections.Concurrent;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Tests.Api;

/// <summary>
/// An in-memory <see cref="ICameraManager"/> for the HTTP layer's tests: it keeps the registry the way the engine does
/// (definitions applied from camera events, passwords protected by the host's <see cref="ISecretProtector"/>), records
/// every command it accepted, and answers status from <see cref="SetStatus"/> or, by default, "recording".
/// </summary>
internal sealed class FakeCameraManager(ISecretProtector protector) : ICameraManager
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<CameraId, CameraStatus> _statuses = new();
    private readonly List<ICameraEvent> _accepted = [];
    private CameraRegistry _registry = CameraRegistry.Empty;

    public CameraRegistry Registry => _registry;

    /// <summary>Every event this manager applied, in order: "nothing changed" means this did not grow.</summary>
    public IReadOnlyList<ICameraEvent> Accepted
    {
        get
        {
            lock (_lock)
            {
                return [.. _accepted];
            }
        }
    }

    public void SetStatus(CameraStatus status) => _statuses[status.Camera] = status;

    public Task<CameraCommandResult> AddAsync(CameraDefinition definition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_registry.Contains(definition.Id)
                ? CameraCommandResult.Conflict($"camera '{definition.Id}' exists")
                : Apply(CameraAdded.Create(definition, protector)));
        }
    }

    public Task<CameraCommandResult> ReplaceAsync(CameraDefinition definition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_registry.Contains(definition.Id)
                ? Apply(CameraUpdated.Create(definition, protector))
                : CameraCommandResult.NotFound($"camera '{definition.Id}' does not exist"));
        }
    }

    public Task<CameraCommandResult> RemoveAsync(CameraId id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_registry.Find(id) is not { } existing)
            {
                return Task.FromResult(CameraCommandResult.NotFound($"camera '{id}' does not exist"));
            }

            Apply(new CameraRemoved(id));
            return Task.FromResult(CameraCommandResult.Ok(existing));
        }
    }

    public Task<CameraStatus?> GetStatusAsync(CameraId id, CancellationToken cancellationToken)
    {
        if (_registry.Find(id) is not { } camera)
        {
            return Task.FromResult<CameraStatus?>(null);
        }

        return Task.FromResult<CameraStatus?>(_statuses.TryGetValue(id, out var status)
            ? status
            : new CameraStatus(id, camera.Enabled, [.. camera.Streams.Select(s => new StreamStatus(s.Name, StreamState.Recording, 1000, null, 0, null, null, null))]));
    }

    private CameraCommandResult Apply(ICameraEvent @event)
    {
        _accepted.Add(@event);
        _registry = _registry.Apply(@event);
        return _registry.Find(@event.CameraId) is { } stored ? CameraCommandResult.Ok(stored) : CameraCommandResult.NotFound("removed");
    }
}
