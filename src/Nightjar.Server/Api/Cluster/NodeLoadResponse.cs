namespace Nightjar.Server.Api.Cluster;

/// <summary>What a node carries, by dimension, and its utilization: the most-used dimension against capacity (0..1).</summary>
internal sealed record NodeLoadResponse(double IngestMbps, int Cameras, long StorageBytes, double Utilization);
