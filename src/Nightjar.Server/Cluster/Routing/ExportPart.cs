namespace Nightjar.Server.Cluster.Routing;

/// <summary>A stretch of an export's range whose recordings are all on one node.</summary>
internal sealed record ExportPart(string NodeId, DateTimeOffset From, DateTimeOffset To);
