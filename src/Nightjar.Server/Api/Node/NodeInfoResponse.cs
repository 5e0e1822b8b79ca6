using Nightjar.Server.Hosting;

namespace Nightjar.Server.Api.Node;

/// <summary>What <c>GET /api/v1/node</c> answers about the node that served the request.</summary>
internal sealed record NodeInfoResponse(
    string Id,
    string Version,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    IReadOnlyList<string> Roles)
{
    public static NodeInfoResponse From(NodeInfo node) => new(
        node.Id,
        node.Version,
        node.StartedAt,
        Math.Round(node.Uptime.TotalSeconds, 3),
        [.. node.Roles.Select(r => r.ToString().ToLowerInvariant())]);
}
