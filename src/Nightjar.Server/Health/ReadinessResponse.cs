namespace Nightjar.Server.Health;

/// <summary>Body of a 200 from <c>/health/ready</c>; a 503 carries the same checks inside problem details.</summary>
internal sealed record ReadinessResponse(string Status, IReadOnlyList<ReadinessCheckReport> Checks);
