using System.Text.Json;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>One entry of <c>GET /api/v1/nodes</c>: a node's status, capacity, load and the cameras it records.</summary>
internal sealed record NodeView(
    string Id, string Status, IReadOnlyList<string> Cameras, double CapacityIngestMbps, double LoadIngestMbps, bool IsCoordinator, string Json)
{
    public bool IsActive => string.Equals(Status, "active", StringComparison.Ordinal);

    public static IReadOnlyList<NodeView> ParseAll(JsonElement array) => array.EnumerateArray().Select(Parse).ToList();

    public static NodeView Parse(JsonElement node) => new(
        node.GetProperty("id").GetString()!,
        node.GetProperty("status").GetString()!,
        node.TryGetProperty("cameras", out var cameras) && cameras.ValueKind == JsonValueKind.Array
            ? cameras.EnumerateArray().Select(c => c.GetString()!).ToList()
            : [],
        Number(node, "capacity", "ingestMbps"),
        Number(node, "load", "ingestMbps"),
        node.TryGetProperty("isCoordinator", out var coordinator) && coordinator.ValueKind == JsonValueKind.True,
        node.GetRawText());

    private static double Number(JsonElement node, string section, string name) =>
        node.TryGetProperty(section, out var part) && part.ValueKind == JsonValueKind.Object
        && part.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : 0;
}
