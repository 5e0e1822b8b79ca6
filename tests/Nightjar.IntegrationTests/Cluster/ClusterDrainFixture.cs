namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// Four nodes and eight recording cameras shared by the drain tests. Each test drains a different node that still
/// holds cameras (by the API, the CLI or SIGTERM), so they hold in any order; the last node has room for every camera.
/// </summary>
public sealed class ClusterDrainFixture : IAsyncLifetime
{
    public const int CameraCount = 8;

    internal ClusterHarness Cluster { get; private set; } = null!;

    internal IReadOnlyList<string> Cameras { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Cluster = await ClusterHarness.CreateAsync("drain", output: null, ClusterTiming.Fast);
        var nodes = new[] { "n1", "n2", "n3", "n4" }.Select(id => Cluster.AddNode(id, new NodeCapacity(IngestMbps: 100, Cameras: 20))).ToArray();
        await Cluster.StartNodesAsync(nodes);
        Cameras = await Cluster.AddCamerasAsync(CameraCount);
        await Cluster.WaitForAllRecordingAsync(Cameras, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
