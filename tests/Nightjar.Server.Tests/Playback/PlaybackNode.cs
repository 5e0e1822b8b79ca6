using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Playback;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Playback;

/// <summary>
/// A node with the whole real pipeline (authentication, routing, problem details) whose recordings come from a
/// <see cref="FakeRecordingArchive"/> over <see cref="PlaybackRecordings"/>' files, with a manual clock.
/// </summary>
internal sealed class PlaybackNode : IAsyncDisposable
{
    /// <summary>Auth:BootstrapAdminKey of the node.</summary>
    public const string AdminKey = "playback-test-admin-key-0123456789";

    private readonly bool _kestrel;

    private PlaybackNode(TestNode node, FakeRecordingArchive archive, FakeCameraManager cameras, ManualTimeProvider time, bool kestrel)
    {
        _kestrel = kestrel;
        Node = node;
        Archive = archive;
        Cameras = cameras;
        Time = time;
        BaseAddress = kestrel ? new Uri(node.App.Urls.First()) : new Uri("http://localhost/");
        Client = CreateClient(AdminKey);
    }

    public TestNode Node { get; }

    public FakeRecordingArchive Archive { get; }

    public FakeCameraManager Cameras { get; }

    public ManualTimeProvider Time { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client with the admin key.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => Node.Services;

    public PlaybackMetrics Metrics => Services.GetRequiredService<PlaybackMetrics>();

    /// <summary>Ten minutes after the recordings began: everything recorded is settled.</summary>
    public static DateTimeOffset DefaultNow => PlaybackRecordings.T0.AddMinutes(10);

    public static async Task<PlaybackNode> StartAsync(PlaybackRecordings recordings, bool kestrel = false, DateTimeOffset? now = null)
    {
        var archive = recordings.CreateArchive();
        var cameras = new FakeCameraManager(PlaybackRecordings.Cameras);
        var time = new ManualTimeProvider(now ?? DefaultNow);
        var node = await TestNode.StartAsync(
            settings: new Dictionary<string, string?> { ["Auth:BootstrapAdminKey"] = AdminKey },
            configure: builder =>
            {
                builder.Services.AddSingleton<IRecordingArchive>(archive);
                builder.Services.AddSingleton<ICameraManager>(cameras);
                builder.Services.AddSingleton<TimeProvider>(time);
            },
            useTestServer: !kestrel);
        return new PlaybackNode(node, archive, cameras, time, kestrel);
    }

    /// <summary>A client sending <paramref name="key"/> as a Bearer key, or nothing when null.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = _kestrel ? new HttpClient { BaseAddress = BaseAddress } : Node.App.GetTestClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A playback token as a player would get it.</summary>
    public string Token(string scope = "lobby", Permissions permissions = Permissions.Playback) =>
        Services.GetRequiredService<PlaybackTokenService>().Issue(scope, permissions, TimeSpan.FromHours(1));

    /// <summary>An absolute URL on this node (Kestrel: what ffmpeg opens).</summary>
    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Node.DisposeAsync();
    }
}
