using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Runtime;

/// <summary>
/// The cameras of this node as the HTTP API sees them: commands that are journaled before they take effect, the
/// current registry (an immutable, versioned snapshot), and the live status of each camera's streams.
/// </summary>
public interface ICameraManager
{
    /// <summary>The current cameras; replaced, never mutated, after every accepted command.</summary>
    CameraRegistry Registry { get; }

    /// <summary>Adds a camera and starts recording it. <see cref="CameraCommandStatus.Conflict"/> when the id exists.</summary>
    Task<CameraCommandResult> AddAsync(CameraDefinition definition, CancellationToken cancellationToken);

    /// <summary>Replaces a camera's definition (restarting only what changed). <see cref="CameraCommandStatus.NotFound"/> when absent.</summary>
    Task<CameraCommandResult> ReplaceAsync(CameraDefinition definition, CancellationToken cancellationToken);

    /// <summary>Stops recording and removes the camera; its archive stays until retention removes it.</summary>
    Task<CameraCommandResult> RemoveAsync(CameraId id, CancellationToken cancellationToken);

    /// <summary>Per-stream ingest state of one camera, or null when the camera does not exist.</summary>
    Task<CameraStatus?> GetStatusAsync(CameraId id, CancellationToken cancellationToken);
}
