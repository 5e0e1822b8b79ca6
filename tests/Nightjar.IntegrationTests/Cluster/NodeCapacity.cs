namespace Nightjar.IntegrationTests.Cluster;

/// <summary>What a test node declares (Node:Capacity:IngestMbps, :Cameras, :StorageGb).</summary>
internal sealed record NodeCapacity(double IngestMbps, int Cameras, double StorageGb = 10_000)
{
    /// <summary>Room for every camera of any test several times over: nothing binds.</summary>
    public static NodeCapacity Ample { get; } = new(1_000, 100);
}
