namespace Nightjar.Server.Health;

/// <summary>One check's outcome in a readiness report (serialized as JSON).</summary>
internal sealed record ReadinessCheckReport(string Name, bool Ready, string? Description, double DurationMs);
