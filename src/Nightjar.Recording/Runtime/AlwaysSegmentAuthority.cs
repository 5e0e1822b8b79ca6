using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime;

/// <summary>
/// A single node's <see cref="ISegmentAuthority"/>: it always owned every camera. Nothing refuses a single node's DVR
/// appends, so recovery never asks it; it exists so that the engine needs no null checks.
/// </summary>
internal sealed class AlwaysSegmentAuthority : ISegmentAuthority
{
    public static AlwaysSegmentAuthority Instance { get; } = new();

    private AlwaysSegmentAuthority()
    {
    }

    public Task<bool> OwnedAtAsync(CameraId camera, string nodeId, DateTimeOffset at, CancellationToken ct) => Task.FromResult(true);
}
