using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime.Actors;

namespace Nightjar.Recording.Runtime;

/// <summary><see cref="ICameraManager"/>: commands go to the camera directory actor, which journals before acting.</summary>
public sealed partial class RecordingEngine
{
    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The engine is not running.</exception>
    public Task<CameraCommandResult> AddAsync(CameraDefinition definition, CancellationToken cancellationToken)
    {
        ValidateDefinition(definition);
        return DirectoryActor.AskAsync<CameraCommandResult>(new CameraDirectoryActor.Add(definition), _options.CommandTimeout, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CameraCommandResult> ReplaceAsync(CameraDefinition definition, CancellationToken cancellationToken)
    {
        ValidateDefinition(definition);
        return DirectoryActor.AskAsync<CameraCommandResult>(new CameraDirectoryActor.Replace(definition), _options.CommandTimeout, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CameraCommandResult> RemoveAsync(CameraId id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id.Value))
        {
            throw new ArgumentException("A camera id is required.", nameof(id));
        }

        return DirectoryActor.AskAsync<CameraCommandResult>(new CameraDirectoryActor.Remove(id), _options.CommandTimeout, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CameraStatus?> GetStatusAsync(CameraId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Registry.Find(id) is not { } camera)
        {
            return Task.FromResult<CameraStatus?>(null);
        }

        var streams = camera.Streams
            .Select(stream => _services.Snapshots.Find(id, stream.Name)?.ToStatus()
                ?? new StreamStatus(stream.Name, camera.Enabled && stream.Record ? StreamState.Starting : StreamState.Disabled, null, null, 0, null, null, null))
            .ToList();
        return Task.FromResult<CameraStatus?>(new CameraStatus(id, camera.Enabled, streams));
    }

    private static void ValidateDefinition(CameraDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);

        // The API validates requests fully (CameraRequestValidator); these are the invariants the engine relies on.
        if (string.IsNullOrEmpty(definition.Id.Value) || definition.Streams.IsEmpty
            || definition.Streams.Any(s => !StreamNames.IsValid(s.Name))
            || definition.Streams.Select(s => s.Name).Distinct(StreamNames.Comparer).Count() != definition.Streams.Length)
        {
            throw new ArgumentException("A camera needs an id and at least one stream, with valid and unique stream names.", nameof(definition));
        }
    }
}
