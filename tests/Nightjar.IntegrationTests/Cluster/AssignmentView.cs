using System.Text.Json;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>One assignment of <c>GET /api/v1/placement</c>: where a camera is, in which handoff state, since when and why.</summary>
internal sealed record AssignmentView(string Camera, string? Node, long Epoch, string State, string? Target, DateTimeOffset? MovedAt, string? Reason)
{
    public static AssignmentView Parse(JsonElement assignment) => new(
        assignment.GetProperty("camera").GetString()!,
        Text(assignment, "node"),
        assignment.TryGetProperty("epoch", out var epoch) && epoch.ValueKind == JsonValueKind.Number ? epoch.GetInt64() : 0,
        Text(assignment, "state") ?? string.Empty,
        Text(assignment, "target"),
        assignment.TryGetProperty("movedAt", out var moved) && moved.ValueKind == JsonValueKind.String ? moved.GetDateTimeOffset() : null,
        Text(assignment, "reason"));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
