using Microsoft.Extensions.Options;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.Hosting;

/// <summary>Who this node is and since when. Created when the host is built; uptime counts from then.</summary>
internal sealed class NodeInfo
{
    private readonly TimeProvider _timeProvider;
    private readonly long _startTimestamp;

    public NodeInfo(IOptions<NodeOptions> options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _startTimestamp = timeProvider.GetTimestamp();
        StartedAt = timeProvider.GetUtcNow();
        Id = options.Value.Id;
        Roles = options.Value.GetRoles();
    }

    public string Id { get; }

    public string Version { get; } = NightjarVersion.Informational;

    public IReadOnlyList<NodeRole> Roles { get; }

    public DateTimeOffset StartedAt { get; }

    public TimeSpan Uptime => _timeProvider.GetElapsedTime(_startTimestamp);
}
