using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Access;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Playback;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>
/// Two real nodes on 127.0.0.1: node-a answers requests for what node-b holds by forwarding them, with the caller's
/// role, under the cluster key (see <see cref="ClusterPairFixture"/> for who holds what).
/// </summary>
public sealed class ClusterForwardingTests(ClusterPairFixture pair) : IClassFixture<ClusterPairFixture>
{
    private ClusterTestNode Front => pair.Front;

    private ClusterTestNode Owner => pair.Owner;

    [Fact]
    public async Task LivePlaylist_OfCameraRecordedElsewhere_IsForwardedWithTheViewersRoleAndItsChunksPlayFromThisNode()
    {
        using var viewer = Front.Client(await Front.CreateKeyAsync("viewer"));
        using var direct = Owner.Client();

        var viaFront = await GetOkStringAsync(viewer, "/lobby/index.m3u8");
        var fromOwner = await GetOkStringAsync(direct, "/lobby/index.m3u8");

        viaFront.Should().Be(fromOwner, "node-a has no live window of lobby: only node-b, which records it, does");
        Owner.Received.Requests.Should().Contain(r => r.Path == "/lobby/index.m3u8" && r.ForwardedBy == "node-a" && r.Role == "viewer" && r.Authorization.Length == 0);

        var uris = new M3u8(viaFront).Uris;
        uris.Should().HaveCount(10);
        foreach (var uri in uris)
        {
            var path = "/lobby/" + uri;
            var bytes = await GetOkBytesAsync(viewer, path);
            bytes.Should().Equal(await GetOkBytesAsync(direct, path), "chunk {0} must arrive whole through node-a", uri);
        }

        var remoteKeys = pair.RemoteFiles.Select(f => f.Segment.Key).ToHashSet(StringComparer.Ordinal);
        var forwardedChunks = Owner.Received.Requests.Where(r => r.Path.StartsWith("/lobby/main/c/", StringComparison.Ordinal) && r.ForwardedBy == "node-a").ToList();
        forwardedChunks.Should().NotBeEmpty("run r2 is on node-b's disk");
        forwardedChunks.Should().OnlyContain(r => remoteKeys.Contains(r.Path.Split('/')[4]), "run r1's files are on node-a's disk and served there");
    }

    [Fact]
    public async Task LivePlaylist_WithPlaybackToken_IsForwardedAndKeepsTheTokenInChunkUrls()
    {
        var token = Front.Services.GetRequiredService<PlaybackTokenService>().Issue("lobby", Permissions.PlayLive | Permissions.PlayArchive, TimeSpan.FromMinutes(5));
        using var anonymous = Front.Client(key: null);

        var playlist = new M3u8(await GetOkStringAsync(anonymous, "/lobby/index.m3u8?token=" + Uri.EscapeDataString(token)));

        playlist.Uris.Should().NotBeEmpty().And.OnlyContain(u => u.EndsWith("?token=" + Uri.EscapeDataString(token), StringComparison.Ordinal));
        Owner.Received.Requests.Should().Contain(r => r.Path == "/lobby/index.m3u8" && r.Role == "viewer", "a token's rights fit in the viewer role");
        var chunk = playlist.Uris.First(u => pair.RemoteFiles.Any(f => u.Contains(f.Segment.Key, StringComparison.Ordinal)));
        (await GetOkBytesAsync(anonymous, "/lobby/" + chunk)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task CameraStatus_OfCameraRecordedElsewhere_IsForwarded_AndALocalOneIsNot()
    {
        using var viewer = Front.Client(await Front.CreateKeyAsync("viewer"));

        var lobby = JsonDocument.Parse(await GetOkStringAsync(viewer, "/api/v1/cameras/lobby/status"));
        var kitchen = JsonDocument.Parse(await GetOkStringAsync(viewer, "/api/v1/cameras/kitchen/status"));

        lobby.RootElement.GetProperty("camera").GetString().Should().Be("lobby");
        kitchen.RootElement.GetProperty("camera").GetString().Should().Be("kitchen");
        Owner.Received.Requests.Should().Contain(r => r.Path == "/api/v1/cameras/lobby/status" && r.Role == "viewer");
        Owner.Received.Requests.Should().NotContain(r => r.Path == "/api/v1/cameras/kitchen/status", "nobody else records kitchen");
    }

    [Fact]
    public async Task Alarm_OnCameraRecordedElsewhere_GoesToTheOwnersSignalPipeline_ByPathAndByTriggerQuery()
    {
        // One motion window per camera: the node recording it keeps it, whichever node the alarm reached.
        using var operatorClient = Front.Client(await Front.CreateKeyAsync("operator"));
        var before = Owner.Received.Requests.Count;

        using var raised = await operatorClient.PostAsync(
            new Uri("/api/v1/cameras/lobby/alarms", UriKind.Relative),
            new StringContent("""{"type":"motion","state":"pulse"}""", System.Text.Encoding.UTF8, "application/json"));
        using var triggered = await operatorClient.PostAsync(new Uri("/api/v1.1/cameras/alarms/trigger?cameraId=lobby&type=door", UriKind.Relative), content: null);
        using var local = await operatorClient.PostAsync(new Uri("/api/v1.1/cameras/alarms/trigger?cameraId=kitchen", UriKind.Relative), content: null);

        raised.StatusCode.Should().Be(HttpStatusCode.Accepted, await raised.Content.ReadAsStringAsync());
        triggered.StatusCode.Should().Be(HttpStatusCode.Accepted, await triggered.Content.ReadAsStringAsync());
        local.StatusCode.Should().Be(HttpStatusCode.Accepted, await local.Content.ReadAsStringAsync());
        var received = Owner.Received.Requests.Skip(before).ToList();
        received.Should().Contain(r => r.Method == "POST" && r.Path == "/api/v1/cameras/lobby/alarms" && r.Role == "operator" && r.ForwardedBy == "node-a");
        received.Should().Contain(r => r.Method == "POST" && r.Path == "/api/v1.1/cameras/alarms/trigger" && r.Role == "operator");
        received.Should().HaveCount(2, "kitchen is recorded by nobody else: its alarm stays on node-a");
    }

    [Fact]
    public void CameraPassword_StoredThroughOneNode_IsReadByAnother()
    {
        // Each node has its own data directory and key ring; the cluster key is what they share.
        var stored = Front.Services.GetRequiredService<ISecretProtector>().Protect("cam3ra-Pa55");

        Owner.Services.GetRequiredService<ISecretProtector>().Unprotect(stored).Should().Be("cam3ra-Pa55");
        stored.Should().NotContain("cam3ra");
    }

    [Fact]
    public async Task Forwarding_ViewerCannotReachWhatItsRoleForbids_HereOrOnTheOwner()
    {
        using var viewer = Front.Client(await Front.CreateKeyAsync("viewer"));
        var before = Owner.Received.Requests.Count;

        (await viewer.GetAsync(new Uri("/api/v1/keys", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.GetAsync(new Uri(Export("lobby", PlaybackRecordings.T0Seconds, 8), UriKind.Relative))).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "a viewer may not export, so node-a never forwards it");
        Owner.Received.Requests.Should().HaveCount(before, "what node-a refuses is never forwarded");

        // And the owner applies the forwarded role itself: a viewer's forwarded call gets no admin route.
        using var asViewer = Internal(Owner, role: "viewer");
        (await asViewer.GetAsync(new Uri("/api/v1/keys", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await asViewer.PostAsync(new Uri("/api/v1/keys", UriKind.Relative), new StringContent("""{"name":"x","role":"admin"}""", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var asAdmin = Internal(Owner, role: "admin");
        (await asAdmin.GetAsync(new Uri("/api/v1/keys", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ArchiveChunk_OnAnotherNodesDisk_IsForwarded_WithRangesAndCacheHeaders()
    {
        using var viewer = Front.Client(await Front.CreateKeyAsync("viewer"));
        var file = pair.Recordings.KitchenMain.Files[0];
        var chunk = file.Segment.Chunks[1];
        var onDisk = await File.ReadAllBytesAsync(Path.Combine(pair.Recordings.Root, file.RelativePath));
        var path = string.Create(CultureInfo.InvariantCulture, $"/kitchen/main/c/{file.Segment.Key}/{chunk.Offset}-{chunk.Length}.ts");

        using var response = await viewer.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp2t");
        response.Headers.CacheControl!.ToString().Should().Contain("immutable");
        body.Should().Equal(onDisk.AsSpan((int)chunk.Offset, (int)chunk.Length).ToArray());
        Owner.Received.Requests.Should().Contain(r => r.Path == path && r.Role == "viewer");

        using var ranged = new HttpRequestMessage(HttpMethod.Get, new Uri($"/kitchen/main/f/{file.Segment.Key}.ts", UriKind.Relative));
        ranged.Headers.Range = new RangeHeaderValue(100, 1099);
        using var partial = await viewer.SendAsync(ranged);
        partial.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 100-1099/{onDisk.Length}");
        (await partial.Content.ReadAsByteArrayAsync()).Should().Equal(onDisk.AsSpan(100, 1000).ToArray());
        Owner.Received.Requests.Should().Contain(r => r.Path.StartsWith("/kitchen/main/f/", StringComparison.Ordinal) && r.Range == "bytes=100-1099");
    }

    [Fact]
    public async Task ArchiveChunk_OnANodeThatIsGone_Is503WithRetryAfter()
    {
        var start = PlaybackRecordings.T0.AddHours(1);
        var key = string.Create(CultureInfo.InvariantCulture, $"{start.UtcDateTime:yyyyMMdd}.gone1.{start.ToUnixTimeSeconds()}");
        var file = new RecordedFile(new Nightjar.Media.Hls.HlsSegment(key, "gone1", start, pair.Recordings.KitchenMain.Files[0].Segment.Chunks), "unused", Closed: true);
        await Front.Services.GetRequiredService<ISegmentCatalog>().ApplyAsync([ClusterPairFixture.Row(file, "lobby", "node-gone/0", stream: "sub")], null, CancellationToken.None);

        using var response = await Front.Client().GetAsync(new Uri($"/lobby/sub/c/{key}/0-188.ts", UriKind.Relative));

        await ShouldBeUnreachableAsync(response, "node-gone");
    }

    [Fact]
    public async Task Export_AllOnAnotherNode_IsForwardedWhole_AndOneSpreadOverTwoNodesIsMergedHere()
    {
        using var admin = Front.Client();
        var kitchen = Export("kitchen", PlaybackRecordings.T0Seconds, 4);

        var viaFront = await GetOkBytesAsync(admin, kitchen);

        viaFront.Should().Equal(await GetOkBytesAsync(Owner.Client(), kitchen));
        Owner.Received.Requests.Should().Contain(r => r.Path == kitchen && r.Role == "admin");

        // lobby moved: run r1 is on node-a's disk, run r2 on node-b's. node-b holds both (the fixture's test data), so
        // its own export of the range is what the merged one must be, byte for byte.
        var lobby = Export("lobby", PlaybackRecordings.T0Seconds, 30);
        var before = Owner.Received.Requests.Count;
        var merged = await GetOkBytesAsync(admin, lobby);

        merged.Should().Equal(await GetOkBytesAsync(Owner.Client(), lobby), "r1 read here and r2 fetched from node-b, in time order");
        var fetched = Owner.Received.Requests.Skip(before).Where(r => r.ForwardedBy == "node-a").ToList();
        fetched.Should().NotBeEmpty().And.OnlyContain(r => r.Path.StartsWith("/lobby/main/f/", StringComparison.Ordinal) && r.Range.StartsWith("bytes=", StringComparison.Ordinal) && r.Role == "admin");
        var remoteKeys = pair.RemoteFiles.Select(f => f.Segment.Key).ToHashSet(StringComparer.Ordinal);
        fetched.Should().OnlyContain(r => remoteKeys.Contains(Path.GetFileNameWithoutExtension(r.Path)), "node-a reads its own files itself");

        using var mp4 = await admin.GetAsync(new Uri(lobby.Replace(".ts", ".mp4", StringComparison.Ordinal), UriKind.Relative));
        var movie = await mp4.Content.ReadAsByteArrayAsync();
        mp4.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(movie));
        System.Text.Encoding.ASCII.GetString(movie, 4, 4).Should().Be("ftyp");
    }

    [Fact]
    public async Task Export_WithAPartOnANodeThatIsGone_Is503RatherThanAFileWithAHole()
    {
        // Forty minutes after the fixture's recordings, lobby recorded on a node that is not running now.
        var start = PlaybackRecordings.T0.AddMinutes(40);
        var key = string.Create(CultureInfo.InvariantCulture, $"{start.UtcDateTime:yyyyMMdd}.gone3.{start.ToUnixTimeSeconds()}");
        var file = new RecordedFile(new Nightjar.Media.Hls.HlsSegment(key, "gone3", start, pair.Recordings.KitchenMain.Files[0].Segment.Chunks), "unused", Closed: true);
        await Front.Services.GetRequiredService<ISegmentCatalog>().ApplyAsync([ClusterPairFixture.Row(file, "lobby", "node-gone/0")], null, CancellationToken.None);
        pair.FrontArchive.AddRemote(new Nightjar.Recording.Cameras.CameraId("lobby"), "main", file.Segment);
        var before = Owner.Received.Requests.Count;

        using var response = await Front.Client().GetAsync(new Uri(Export("lobby", PlaybackRecordings.T0Seconds, 3600), UriKind.Relative));

        await ShouldBeUnreachableAsync(response, "node-gone");
        Owner.Received.Requests.Should().HaveCount(before, "nothing is fetched for an export that cannot be whole");
    }

    [Fact]
    public async Task LivePlaylist_WhenTheOwnerIsDown_Is503ProblemWithRetryAfter()
    {
        using var response = await Front.Client().GetAsync(new Uri("/garage/index.m3u8", UriKind.Relative));

        await ShouldBeUnreachableAsync(response, ClusterPairFixture.DownNodeId);
    }

    [Fact]
    public async Task ForwardedRequest_ForACameraThisNodeSeesElsewhere_IsNeverForwardedAgain()
    {
        var before = Owner.Received.Requests.Count;
        using var fromOwner = Internal(Front, role: "viewer", forwardedBy: "node-b");

        using var response = await fromOwner.GetAsync(new Uri("/lobby/index.m3u8", UriKind.Relative));

        await ShouldBeUnreachableAsync(response, "node-b");
        Owner.Received.Requests.Should().HaveCount(before, "a forwarded request takes one hop at most");
    }

    [Fact]
    public async Task ForwardedRequest_WithAWrongClusterKey_Is401Problem()
    {
        using var forged = Internal(Owner, role: "admin", key: "not-the-cluster-key-at-all");

        using var response = await forged.GetAsync(new Uri("/lobby/index.m3u8", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("reason").GetString().Should().Be("invalid_cluster_key");
    }

    [Fact]
    public async Task Forwarding_IsCountedByKindAndOutcome()
    {
        var seen = new List<(string Kind, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "nightjar.cluster.forwarded")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            lock (seen)
            {
                seen.Add((values["kind"]!, values["outcome"]!));
            }
        });
        listener.Start();

        await GetOkStringAsync(Front.Client(), "/lobby/index.m3u8");
        using var down = await Front.Client().GetAsync(new Uri("/garage/preview.jpg", UriKind.Relative));

        lock (seen)
        {
            seen.Should().Contain(("live", "ok")).And.Contain(("live", "unreachable"));
        }
    }

    [Fact]
    public async Task RtspDescribe_OfCameraRecordedElsewhere_Is302ToTheOwnersRelay()
    {
        var basic = "Authorization: Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:" + TestNode.AdminKey));

        var moved = await RtspClient.RequestAsync(Front.RtspPort, $"DESCRIBE rtsp://127.0.0.1:{Front.RtspPort}/lobby RTSP/1.0\r\nCSeq: 2\r\n{basic}\r\nAccept: application/sdp\r\n\r\n");
        var token = Front.Services.GetRequiredService<PlaybackTokenService>().Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(5));
        var withToken = await RtspClient.RequestAsync(Front.RtspPort, $"DESCRIBE rtsp://127.0.0.1:{Front.RtspPort}/lobby/main?token={token} RTSP/1.0\r\nCSeq: 3\r\n\r\n");
        var local = await RtspClient.RequestAsync(Front.RtspPort, $"DESCRIBE rtsp://127.0.0.1:{Front.RtspPort}/kitchen RTSP/1.0\r\nCSeq: 4\r\n{basic}\r\n\r\n");
        var anonymous = await RtspClient.RequestAsync(Front.RtspPort, $"DESCRIBE rtsp://127.0.0.1:{Front.RtspPort}/lobby RTSP/1.0\r\nCSeq: 5\r\n\r\n");
        var setup = await RtspClient.RequestAsync(Front.RtspPort, $"SETUP rtsp://127.0.0.1:{Front.RtspPort}/lobby/main/trackID=0 RTSP/1.0\r\nCSeq: 6\r\n{basic}\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n\r\n");

        moved.StatusLine.Should().Be("RTSP/1.0 302 Moved Temporarily");
        moved.Header("CSeq").Should().Be("2");
        moved.Header("Location").Should().Be($"rtsp://127.0.0.1:{Owner.RtspPort}/lobby");
        withToken.StatusLine.Should().Be("RTSP/1.0 302 Moved Temporarily");
        withToken.Header("Location").Should().Be($"rtsp://127.0.0.1:{Owner.RtspPort}/lobby/main?token={Uri.EscapeDataString(token)}");
        local.StatusLine.Should().StartWith("RTSP/1.0 404", "nobody else records kitchen and nothing publishes it here");
        anonymous.StatusLine.Should().StartWith("RTSP/1.0 401", "the redirect comes only after authentication");
        setup.StatusLine.Should().Be("RTSP/1.0 302 Moved Temporarily", "a client that skips DESCRIBE is sent on too");
        setup.Header("Location").Should().Be($"rtsp://127.0.0.1:{Owner.RtspPort}/lobby/main/trackID=0");
    }

    private static string Export(string camera, long from, int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"/{camera}/main/archive-{from}-{seconds}.ts");

    /// <summary>A client that calls <paramref name="node"/> as another node would.</summary>
    private static HttpClient Internal(ClusterTestNode node, string role, string forwardedBy = "node-x", string key = ClusterTestNode.ClusterKey)
    {
        var client = node.Client(key: null);
        client.DefaultRequestHeaders.Add(ClusterKeyHeaders.Key, key);
        client.DefaultRequestHeaders.Add(ClusterKeyHeaders.ForwardedRole, role);
        client.DefaultRequestHeaders.Add(ClusterKeyHeaders.ForwardedBy, forwardedBy);
        return client;
    }

    private static async Task ShouldBeUnreachableAsync(HttpResponseMessage response, string nodeId)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, body);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("reason").GetString().Should().Be("owner_unreachable");
        problem.GetProperty("detail").GetString().Should().Contain(nodeId);
    }

    private static async Task<string> GetOkStringAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {path}: {body}");
        return body;
    }

    private static async Task<byte[]> GetOkBytesAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {path}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500)))}");
        return body;
    }
}
