using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Retention;

/// <summary>
/// The recording engine as the API sees it, plus one duty: after a camera was added, replaced or removed, retention
/// re-evaluates at once (a shortened depth, a new space cap, a removed camera's archive) instead of at the next
/// scheduled pass. Only accepted commands ask: the registry has changed by the time the pass reads it.
/// </summary>
internal sealed class RetentionAwareCameraManager(ICameraManager inner, Action requestPass) : ICameraManager
{
    public CameraRegistry Registry => inner.Registry;

    public async Task<CameraCommandResult> AddAsync(CameraDefinition definition, CancellationToken cancellationToken) =>
        AfterCommand(await inner.AddAsync(definition, cancellationToken));

    public async Task<CameraCommandResult> ReplaceAsync(CameraDefinition definition, CancellationToken cancellationToken) =>
        AfterCommand(await inner.ReplaceAsync(definition, cancellationToken));

    public async Task<CameraCommandResult> RemoveAsync(CameraId id, CancellationToken cancellationToken) =>
        AfterCommand(await inner.RemoveAsync(id, cancellationToken));

    public Task<CameraStatus?> GetStatusAsync(CameraId id, CancellationToken cancellationToken) =>
        inner.GetStatusAsync(id, cancellationToken);

    private CameraCommandResult AfterCommand(CameraCommandResult result)
    {
        if (result.Status == CameraCommandStatus.Ok)
        {
            requestPass();
        }

        return result;
    }
}
