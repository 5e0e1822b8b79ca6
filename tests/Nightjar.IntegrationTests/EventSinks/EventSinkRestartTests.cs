using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nightjar.Server.Tests.Support;

namespace Nightjar.IntegrationTests.EventSinks;

/// <summary>
/// The sink promise with real <c>nightjar node run</c> processes: the receiver goes down, events keep coming, the node
/// is SIGKILLed and restarted over the same data directory, more events come, the receiver comes back, and it then
/// has every event at least once, in order, none missing, each batch correctly signed.
/// </summary>
public sealed partial class EventSinkRestartTests : IAsyncLifetime
{
    private const string AdminKey = "integration-admin-key-0123456789";
    private const string Secret = "integration-sink-secret-0123456789";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _data = new();
    private readonly WebhookReceiver _receiver = new(Secret);

    public Task InitializeAsync() => _receiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task ReceiverDownAndNodeKilledInBetween_EveryEventArrivesInOrder()
    {
        string sinkId;
        await using (var node = await StartNodeAsync())
        {
            using var api = ApiClient(node.Url);
            using var created = await api.PostAsJsonAsync(new Uri("/api/v1/event-sinks", UriKind.Relative), new
            {
                url = _receiver.Url,
                secret = Secret,
                batchSize = 2,
                only = new { types = new[] { "camera_added" } },
            });
            var body = await created.Content.ReadAsStringAsync();
            created.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, body);
            using (var json = JsonDocument.Parse(body))
            {
                sinkId = json.RootElement.GetProperty("id").GetString()!;
            }

            await AddCamerasAsync(api, 1, 3);
            await Wait.UntilAsync(() => _receiver.Events.Count >= 3, Deadline, "the first three events at the receiver");

            // Receiver down: events keep coming and the sink retries.
            await _receiver.StopAsync();
            await AddCamerasAsync(api, 4, 6);
            await Wait.UntilAsync(() => StateOf(api, sinkId) == "retrying", Deadline, "the sink to retry");
            node.Process.AllOutput.Should().NotContain(Secret);
        } // SIGKILL: no graceful stop, nothing flushed on the way out

        await using (var restarted = await StartNodeAsync())
        {
            using var api = ApiClient(restarted.Url);
            await AddCamerasAsync(api, 7, 8);
            await Wait.UntilAsync(() => StateOf(api, sinkId) == "retrying", Deadline, "the sink to retry after the restart");

            await _receiver.StartAsync();
            await Wait.UntilAsync(() => _receiver.Events.Select(e => e.Id).Distinct().Count() >= 8, Deadline, "all eight events at the receiver");
            restarted.Process.AllOutput.Should().NotContain(Secret);
        }

        var events = _receiver.Events;
        var firstSeen = events.DistinctBy(e => e.Id).ToList();
        firstSeen.Select(e => e.Camera).Should().Equal(Enumerable.Range(1, 8).Select(i => "cam" + i), "every event once or more, in order, none missing");
        var order = firstSeen.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var positions = events.Select(e => order[e.Id]).ToList();
        for (var i = 1; i < positions.Count; i++)
        {
            (positions[i] <= positions[i - 1] + 1).Should().BeTrue("a redelivery repeats from an earlier event and never skips ahead: " + string.Join(",", positions));
        }

        _receiver.BadSignatures.Should().Be(0);
    }

    private static async Task AddCamerasAsync(HttpClient api, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var camera = new { id = "cam" + i, name = "Camera " + i, enabled = false, streams = new[] { new { name = "main", url = "rtsp://127.0.0.1:1/cam" + i } } };
            using var response = await api.PostAsJsonAsync(new Uri("/api/v1/cameras", UriKind.Relative), camera);
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
    }

    private static string? StateOf(HttpClient api, string sinkId)
    {
        using var response = api.GetAsync(new Uri("/api/v1/event-sinks/" + sinkId, UriKind.Relative)).GetAwaiter().GetResult();
        using var json = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return json.RootElement.GetProperty("status").GetProperty("state").GetString();
    }

    private async Task<RunningNode> StartNodeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["NIGHTJAR__HTTP__PORT"] = "0",
            ["NIGHTJAR__HTTP__BINDADDRESS"] = "127.0.0.1",
            ["NIGHTJAR__RTSP__PORT"] = "0",
            ["NIGHTJAR__RTSP__BINDADDRESS"] = "127.0.0.1",
            ["NIGHTJAR__RTSP__UDPRTPPORT"] = "0",
            ["NIGHTJAR__DATA__PATH"] = _data.Path,
            ["NIGHTJAR__AUTH__BOOTSTRAPADMINKEY"] = AdminKey,
            ["NIGHTJAR__SHUTDOWN__TIMEOUTSECONDS"] = "10",
        };
        var process = NightjarProcess.Start(_data.Path, environment, "node", "run");
        var listening = await process.WaitForOutputAsync(ListeningLine(), Deadline);
        var url = listening.Groups["url"].Value;
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        await Wait.UntilAsync(() => IsReady(client), TimeSpan.FromSeconds(30), "/health/ready to answer 200");
        return new RunningNode(process, url);
    }

    private static bool IsReady(HttpClient client)
    {
        try
        {
            return client.GetAsync(new Uri("/health/ready", UriKind.Relative)).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static HttpClient ApiClient(string url)
    {
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:[1-9][0-9]*)")]
    private static partial Regex ListeningLine();

    private sealed record RunningNode(NightjarProcess Process, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
