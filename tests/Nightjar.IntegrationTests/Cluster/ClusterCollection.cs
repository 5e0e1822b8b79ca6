namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// The cluster tests run one class at a time, after the parallel part of the suite: each starts three node processes
/// with cameras, and the failover and drain timings they measure must not be distorted by a neighbour's cluster on a
/// two-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
