using System.Text.Json;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>The cluster's own view through its HTTP API: nodes, placement, and a node to send requests to.</summary>
internal sealed partial class ClusterHarness
{
    /// <summary>Waits until <c>GET /api/v1/nodes</c> (on any running node) lists every given node as active.</summary>
    public async Task WaitForActiveAsync(IReadOnlyCollection<string> nodeIds, TimeSpan timeout)
    {
        IReadOnlyList<NodeView> last = [];
        await ClusterWait.UntilAsync(
            async () =>
            {
                last = await TryNodesAsync() ?? last;
                return nodeIds.All(id => last.Any(n => n.Id == id && n.IsActive));
            },
            timeout,
            () => $"nodes {string.Join(", ", nodeIds)} to be active; last /api/v1/nodes: {string.Join(" | ", last.Select(n => n.Id + "=" + n.Status))}");
    }

    /// <summary><c>GET /api/v1/nodes</c> on a running node (the first one that answers).</summary>
    public async Task<IReadOnlyList<NodeView>> NodesAsync() =>
        await TryNodesAsync() ?? throw new InvalidOperationException("No running node answered GET /api/v1/nodes.");

    /// <summary><c>GET /api/v1/placement</c> on a running node (the first one that answers).</summary>
    public async Task<PlacementView> PlacementAsync()
    {
        foreach (var node in RunningNodes)
        {
            var json = await TryGetJsonAsync(node, "/api/v1/placement");
            if (json is { } placement)
            {
                return PlacementView.Parse(placement);
            }
        }

        throw new InvalidOperationException("No running node answered GET /api/v1/placement.");
    }

    /// <summary>
    /// <c>GET /api/v1/cameras/{camera}/recordings?from=&amp;to=</c> on <paramref name="node"/> (unix seconds): the recorded
    /// ranges of the camera's timeline, whichever nodes hold them.
    /// </summary>
    public static async Task<IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)>> RecordedRangesAsync(
        ClusterNode node, string camera, DateTimeOffset from, DateTimeOffset to)
    {
        var path = $"/api/v1/cameras/{camera}/recordings?from={from.ToUnixTimeSeconds()}&to={to.ToUnixTimeSeconds() + 1}";
        using var response = await node.Api.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{node.Id} answers GET {path}; answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("recorded").EnumerateArray()
            .Select(r => (r.GetProperty("from").GetDateTimeOffset(), r.GetProperty("to").GetDateTimeOffset()))
            .ToList();
    }

    /// <summary>A running node that the cluster lists as active, other than <paramref name="except"/>: where to send requests.</summary>
    public async Task<ClusterNode> ActiveNodeAsync(ClusterNode? except = null)
    {
        var active = (await NodesAsync()).Where(n => n.IsActive).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        return RunningNodes.FirstOrDefault(n => n != except && active.Contains(n.Id))
            ?? throw new InvalidOperationException($"No running active node other than {except?.Id}.");
    }

    private async Task<IReadOnlyList<NodeView>?> TryNodesAsync()
    {
        foreach (var node in RunningNodes)
        {
            if (await TryGetJsonAsync(node, "/api/v1/nodes") is { } json && json.ValueKind == JsonValueKind.Array)
            {
                return NodeView.ParseAll(json);
            }
        }

        return null;
    }

    private static async Task<JsonElement?> TryGetJsonAsync(ClusterNode node, string path)
    {
        try
        {
            using var response = await node.Api.GetAsync(new Uri(path, UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }
}
