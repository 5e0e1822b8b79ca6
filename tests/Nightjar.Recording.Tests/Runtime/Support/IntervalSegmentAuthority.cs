using System.Collections.Concurrent;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Tests.Runtime.Support;

/// <summary>An epoch history of one interval: <paramref name="node"/> owned every camera in [from, to). Records what it was asked.</summary>
internal sealed class IntervalSegmentAuthority(string node, DateTimeOffset from, DateTimeOffset to) : ISegmentAuthority
{
    private readonly ConcurrentQueue<(CameraId Camera, string Node, DateTimeOffset At)> _asked = new();

    /// <summary>A history in which no node ever owned anything.</summary>
    public static IntervalSegmentAuthority Never() => new(string.Empty, DateTimeOffset.MinValue, DateTimeOffset.MinValue);

    public IReadOnlyCollection<(CameraId Camera, string Node, DateTimeOffset At)> Asked => _asked;

    public Task<bool> OwnedAtAsync(CameraId camera, string nodeId, DateTimeOffset at, CancellationToken ct)
    {
        _asked.Enqueue((camera, nodeId, at));
        return Task.FromResult(string.Equals(nodeId, node, StringComparison.Ordinal) && from <= at && at < to);
    }
}
