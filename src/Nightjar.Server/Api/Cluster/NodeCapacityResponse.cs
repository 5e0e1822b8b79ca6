namespace Nightjar.Server.Api.Cluster;

/// <summary>What a node declares it can carry; storageBytes is null when storage is not a per-node limit.</summary>
internal sealed record NodeCapacityResponse(double IngestMbps, int Cameras, long? StorageBytes);
