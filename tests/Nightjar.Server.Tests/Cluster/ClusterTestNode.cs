using System.Net.Http.Headers;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Cluster;
using Nightjar.Server.Cluster.Routing;
using Nightjar.Server.Rtsp;
using Nightjar.Server.Tests.Playback;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>
/// A node of a test cluster on Kestrel (127.0.0.1, free ports): the whole real pipeline with routing, a fake
/// directory, the playback tests' cameras and a given archive.
/// </summary>
internal sealed class ClusterTestNode : IAsyncDisposable
{
    public const string ClusterKey = "cluster-test-key-0123456789abcdef";

    private ClusterTestNode(TestNode node, string nodeId, FakeClusterDirectory directory, ForwardedRequestLog received)
    {
        Node = node;
        Received = received;
        NodeId = nodeId;
        Directory = directory;
        BaseAddress = new Uri(node.App.Urls.First());
        var rtsp = node.Services.GetRequiredService<RtspRelayService>();
        Address = new ClusterNodeAddress(nodeId, BaseAddress, new Uri($"rtsp://127.0.0.1:{rtsp.Port}"));
    }

    public TestNode Node { get; }

    public string NodeId { get; }

    public FakeClusterDirectory Directory { get; }

    public Uri BaseAddress { get; }

    public ClusterNodeAddress Address { get; }

    public ForwardedRequestLog Received { get; }

    public IServiceProvider Services => Node.Services;

    public int RtspPort => Services.GetRequiredService<RtspRelayService>().Port;

    public static async Task<ClusterTestNode> StartAsync(string nodeId, IRecordingArchive archive, string? clusterKey = ClusterKey)
    {
        var directory = new FakeClusterDirectory(nodeId);
        var cameras = new FakeCameraManager(PlaybackRecordings.Cameras);
        var settings = new Dictionary<string, string?> { ["Node:Id"] = nodeId };
        if (clusterKey is not null)
        {
            settings["Cluster:Key"] = clusterKey;
        }

        var received = new ForwardedRequestLog();
        var node = await TestNode.StartAsync(
            settings,
            configure: builder =>
            {
                builder.Services.AddSingleton(archive);
                builder.Services.AddSingleton<ICameraManager>(cameras);
                builder.Services.AddSingleton<IClusterDirectory>(directory);
                builder.Services.AddNightjarClusterRouting();
            },
            configureApp: received.Install,
            useTestServer: false);
        return new ClusterTestNode(node, nodeId, directory, received);
    }

    /// <summary>A client sending <paramref name="key"/> as a Bearer key, or nothing when null.</summary>
    public HttpClient Client(string? key = TestNode.AdminKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Creates an API key with <paramref name="role"/> through the API and returns it.</summary>
    public async Task<string> CreateKeyAsync(string role)
    {
        using var admin = Client();
        using var response = await admin.PostAsync(
            new Uri("/api/v1/keys", UriKind.Relative),
            new StringContent($$"""{"name":"{{role}}-{{Guid.NewGuid():N}}","role":"{{role}}"}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}
