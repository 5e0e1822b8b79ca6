using System.Net;
using System.Net.Sockets;
using Nightjar.Media.Segments;
using Nightjar.Persistence.Catalog;
using Nightjar.Server.Cluster;
using Nightjar.Server.Tests.Playback;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>
/// Two nodes over the playback tests' recordings (made once with ffmpeg). <see cref="Owner"/> (node-b) holds every
/// file and records <c>lobby</c>. <see cref="Front"/> (node-a) lists every segment, holds the files of lobby's run r1
/// only, and its catalog puts lobby's run r2 and kitchen on node-b's disk (storage root <c>node-b/0</c>). Its
/// directory also names a node that is down (<see cref="DownNodeId"/>) as the owner of <c>garage</c>.
/// </summary>
public sealed class ClusterPairFixture : IAsyncLifetime
{
    public const string DownNodeId = "node-down";

    public PlaybackRecordings Recordings { get; } = new();

    internal ClusterTestNode Owner { get; private set; } = null!;

    internal ClusterTestNode Front { get; private set; } = null!;

    /// <summary>The files the catalog of node-a places on node-b.</summary>
    internal IReadOnlyList<RecordedFile> RemoteFiles { get; private set; } = [];

    internal IReadOnlyList<RecordedFile> LocalFiles { get; private set; } = [];

    /// <summary>What node-a's engine would list and hold.</summary>
    internal PartlyRemoteArchive FrontArchive { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Recordings.InitializeAsync();
        Owner = await ClusterTestNode.StartAsync("node-b", Recordings.CreateArchive());

        var frontArchive = FrontArchive = new PartlyRemoteArchive(Recordings.CreateArchive());
        RemoteFiles = [.. Recordings.LobbyMain.Files.Where(f => f.Segment.RunId == "r2"), .. Recordings.KitchenMain.Files];
        LocalFiles = [.. Recordings.LobbyMain.Files.Where(f => f.Segment.RunId == "r1")];
        frontArchive.MarkRemote(RemoteFiles.Select(f => f.Segment.Key));
        Front = await ClusterTestNode.StartAsync("node-a", frontArchive);

        Front.Directory.Add(Owner.Address, "lobby");
        Front.Directory.Add(new ClusterNodeAddress(DownNodeId, new Uri($"http://127.0.0.1:{ClosedPort()}/"), new Uri("rtsp://127.0.0.1:9")), "garage");

        var catalog = Front.Services.GetRequiredService<ISegmentCatalog>();
        await catalog.ApplyAsync(
            [
                .. RemoteFiles.Select(f => Row(f, Recordings.LobbyMain.Files.Contains(f) ? "lobby" : "kitchen", "node-b/0")),
            ],
            projection: null,
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Front is not null)
        {
            await Front.DisposeAsync();
        }

        if (Owner is not null)
        {
            await Owner.DisposeAsync();
        }

        await Recordings.DisposeAsync();
    }

    /// <summary>A catalog row for a file at the path the engine gives its key (<c>{yyyyMMdd}.{run}.{unix seconds}</c>).</summary>
    internal static CatalogChange Row(RecordedFile file, string camera, string storageRoot, string stream = "main")
    {
        var parts = file.Segment.Key.Split('.');
        var runDay = DateOnly.ParseExact(parts[0], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var runStart = new DateTimeOffset(runDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var directory = SegmentPathScheme.RunDirectory(camera, stream, runStart, parts[1]);
        var path = SegmentPathScheme.SegmentPath(directory, DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
        return new CatalogChange.Upsert(new CatalogSegment(
            0, camera, stream, file.Segment.RunId, path, storageRoot, file.Segment.Start, file.End, file.Bytes, "-", CatalogSegmentState.Recorded));
    }

    /// <summary>A port nothing listens on: reserved, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
