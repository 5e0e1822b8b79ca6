using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nightjar.IntegrationTests.EventSinks;
using Nightjar.IntegrationTests.Retention;
using Xunit.Abstractions;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// Capacity-aware placement with three real nodes: ingest capacity 2 : 1 : 1 (camera slots far from binding), eight
/// cameras of equal bitrate. The big node carries about twice the bitrate of each small one, every camera records on
/// the node the placement names, and any node answers the live HLS of any camera.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterPlacementTests(ITestOutputHelper output)
{
    private const int CameraCount = 8;

    [Fact]
    public Task Placement_FollowsCapacity() => HardDeadline.RunAsync(
        async () =>
        {
            await using var cluster = await ClusterHarness.CreateAsync("placement", output);

            // 8 cameras × 0.2 Mbit/s = 1.6 of 4 Mbit/s: ingest is the binding dimension (slots 4/100 at most).
            var big = cluster.AddNode("big", new NodeCapacity(IngestMbps: 2.0, Cameras: 100));
            var small1 = cluster.AddNode("small1", new NodeCapacity(IngestMbps: 1.0, Cameras: 100));
            var small2 = cluster.AddNode("small2", new NodeCapacity(IngestMbps: 1.0, Cameras: 100));
            await cluster.StartNodesAsync(big, small1, small2);
            var cameras = await cluster.AddCamerasAsync(CameraCount);

            PlacementView? placement = null;
            await ClusterWait.UntilAsync(
                async () =>
                {
                    placement = await cluster.PlacementAsync();
                    return cameras.All(c => placement.Assignments.Any(a => a.Camera == c && a.Node is not null && a.State == "active"));
                },
                TimeSpan.FromSeconds(60),
                () => $"every camera to be placed and active; last placement: {placement?.Json ?? "none"}");

            var final = placement!;
            var counts = final.CountsByNode();
            int Count(ClusterNode node) => counts.GetValueOrDefault(node.Id);
            output.WriteLine($"cameras per node: big {Count(big)}, small1 {Count(small1)}, small2 {Count(small2)}");
            foreach (var small in new[] { small1, small2 })
            {
                Count(small).Should().BeGreaterThan(0, $"every node takes a share; placement: {final.Json}");
                Count(big).Should().BeInRange(
                    (2 * Count(small)) - 1, (2 * Count(small)) + 1,
                    $"the node with twice the ingest capacity carries about twice the cameras of {small.Id} (equal bitrates); placement: {final.Json}");
            }

            // Every camera records, into the catalog, from the node the placement names.
            var owners = final.Assignments.ToDictionary(a => a.Camera, a => a.Node!, StringComparer.Ordinal);
            await cluster.WaitForAllRecordingAsync(cameras, TimeSpan.FromSeconds(60), where: s => s.Node == owners[s.Camera], what: "on its owner");

            // The nodes' own view of their load agrees: the big node's ingest is about twice each small one's.
            var nodes = await cluster.NodesAsync();
            var load = nodes.ToDictionary(n => n.Id, n => n.LoadIngestMbps, StringComparer.Ordinal);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest load: big {load[big.Id]:F2}, small1 {load[small1.Id]:F2}, small2 {load[small2.Id]:F2} Mbit/s"));
            var oneCamera = ClusterHarness.CameraKbps / 1000.0;
            foreach (var small in new[] { small1, small2 })
            {
                load[big.Id].Should().BeApproximately(
                    2 * load[small.Id], (oneCamera * 1.5) + (0.25 * load[big.Id]),
                    $"GET /api/v1/nodes reports the big node near twice {small.Id}'s bitrate: {string.Join(" | ", nodes.Select(n => n.Json))}");
                nodes.Single(n => n.Id == small.Id).Cameras.Should().BeEquivalentTo(final.Assignments.Where(a => a.Node == small.Id).Select(a => a.Camera));
            }

            // Any node answers any camera's live playlist: the owner serves it, the others forward to the owner.
            var camera = cameras[0];
            var owner = cluster.Nodes.Single(n => n.Id == owners[camera]);
            foreach (var node in cluster.Nodes.OrderBy(n => n == owner ? 0 : 1))
            {
                var answer = "no answer";
                await ClusterWait.UntilAsync(
                    async () =>
                    {
                        using var response = await node.Api.GetAsync(new Uri($"/{camera}/index.m3u8", UriKind.Relative));
                        var body = await response.Content.ReadAsStringAsync();
                        answer = $"{(int)response.StatusCode}: {body}";
                        return response.IsSuccessStatusCode && body.StartsWith("#EXTM3U", StringComparison.Ordinal);
                    },
                    TimeSpan.FromSeconds(15),
                    () => $"{node.Id} to answer /{camera}/index.m3u8 (owner {owner.Id}) with a playlist; last answer {answer}");
            }

            await AlarmReachesTheWebhookOnceAsync(cluster, camera, owner);
        },
        TimeSpan.FromMinutes(3),
        nameof(Placement_FollowsCapacity));

    /// <summary>
    /// An alarm raised through a node that does not record the camera is journaled once (by the owner) and delivered to
    /// an event sink once: one node delivers (the coordinator's), every other node shows the sink in <c>standby</c>.
    /// </summary>
    private async Task AlarmReachesTheWebhookOnceAsync(ClusterHarness cluster, string camera, ClusterNode owner)
    {
        const string secret = "cluster-webhook-secret-0123456789";
        await using var receiver = new WebhookReceiver(secret);
        await receiver.StartAsync();
        var front = cluster.Nodes.First(n => n != owner);
        using var created = await front.Api.PostAsJsonAsync(
            new Uri("/api/v1/event-sinks", UriKind.Relative),
            new { url = receiver.Url, secret, only = new { types = new[] { "camera_alarm" } } });
        var body = await created.Content.ReadAsStringAsync();
        created.StatusCode.Should().Be(HttpStatusCode.Created, body);
        string sinkId;
        using (var json = JsonDocument.Parse(body))
        {
            sinkId = json.RootElement.GetProperty("id").GetString()!;
        }

        using var raised = await front.Api.PostAsJsonAsync(new Uri($"/api/v1/cameras/{camera}/alarms", UriKind.Relative), new { type = "door", state = "pulse" });
        raised.StatusCode.Should().Be(HttpStatusCode.Accepted, await raised.Content.ReadAsStringAsync());

        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        await ClusterWait.UntilAsync(
            async () =>
            {
                foreach (var node in cluster.Nodes)
                {
                    using var sink = await node.Api.GetAsync(new Uri("/api/v1/event-sinks/" + sinkId, UriKind.Relative));
                    if (!sink.IsSuccessStatusCode)
                    {
                        // Another node learns of the sink at its next read of the journal (every 5 s).
                        states[node.Id] = "http " + (int)sink.StatusCode;
                        continue;
                    }

                    using var json = JsonDocument.Parse(await sink.Content.ReadAsStringAsync());
                    var status = json.RootElement.GetProperty("status");
                    states[node.Id] = status.GetProperty("state").GetString() + "/" + status.GetProperty("delivered").GetInt64();
                }

                return receiver.Events.Count >= 1 && states.Values.Count(v => v == "idle/1") == 1 && states.Values.Count(v => v.StartsWith("standby", StringComparison.Ordinal)) == 2;
            },
            TimeSpan.FromSeconds(30),
            () => $"the alarm delivered by one node; receiver has {receiver.Events.Count}, sink states {string.Join(", ", states.Select(p => p.Key + "=" + p.Value))}");
        output.WriteLine($"event sink states: {string.Join(", ", states.Select(p => p.Key + "=" + p.Value))}");
        receiver.Events.Should().ContainSingle(e => e.Camera == camera, "one alarm, one journal entry, one delivering node");
        receiver.BadSignatures.Should().Be(0);
    }
}
