using System.Text.Json;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary><c>GET /api/v1/placement</c>: the coordinator's term and every camera's assignment.</summary>
internal sealed record PlacementView(long Term, string? Coordinator, IReadOnlyList<AssignmentView> Assignments, string Json)
{
    public static PlacementView Parse(JsonElement placement) => new(
        placement.TryGetProperty("term", out var term) && term.ValueKind == JsonValueKind.Number ? term.GetInt64() : 0,
        placement.TryGetProperty("coordinator", out var coordinator) && coordinator.ValueKind == JsonValueKind.String ? coordinator.GetString() : null,
        placement.TryGetProperty("assignments", out var assignments) && assignments.ValueKind == JsonValueKind.Array
            ? assignments.EnumerateArray().Select(AssignmentView.Parse).ToList()
            : [],
        placement.GetRawText());

    /// <summary>How many cameras each node holds (nodes without cameras are absent).</summary>
    public IReadOnlyDictionary<string, int> CountsByNode() =>
        Assignments.Where(a => a.Node is not null).GroupBy(a => a.Node!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
