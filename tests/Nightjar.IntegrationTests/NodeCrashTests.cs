using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Server.Tests.Support;

namespace Nightjar.IntegrationTests;

/// <summary>
/// The whole node as operators run it (<c>nightjar node run</c>), killed with SIGKILL in the middle of a segment:
/// after a restart over the same data directory, the archive up to the last second before the kill plays.
/// </summary>
public sealed partial class NodeCrashTests : IAsyncLifetime
{
    private const string AdminKey = "integration-admin-key-0123456789";
    private const string CameraPassword = "cam-pa55-s3cret";
    private readonly TempDirectory _data = new();
    private GstRtspCamera _camera = null!;

    public async Task InitializeAsync() =>
        _camera = await GstRtspCamera.StartAsync(user: "operator", password: CameraPassword);

    public async Task DisposeAsync()
    {
        await _camera.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task SigkillMidSegment_ArchiveUpToTheKillPlaysAfterRestart()
    {
        DateTimeOffset firstSegmentSeen;
        DateTimeOffset killedAt;
        await using (var node = await StartNodeAsync())
        {
            using var api = ApiClient(node.Url);
            var camera = new
            {
                id = "crash",
                name = "Crash test",
                streams = new[] { new { name = "main", url = _camera.Url("ball", withCredentials: true).ToString() } },
            };
            var created = await api.PostAsJsonAsync(new Uri("/api/v1/cameras", UriKind.Relative), camera);
            created.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

            // Observed from outside, as an operator would: the first recording file on disk, then ten more seconds.
            await Wait.UntilAsync(() => SegmentFiles().Length > 0, TimeSpan.FromSeconds(60), "a first segment file on disk");
            firstSegmentSeen = DateTimeOffset.UtcNow;
            await Wait.UntilAsync(() => DateTimeOffset.UtcNow - firstSegmentSeen > TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), "ten seconds of recording");

            killedAt = DateTimeOffset.UtcNow;
            await SendSignalAsync(node.Process.Id, "KILL");
            await node.Process.WaitForExitAsync(TimeSpan.FromSeconds(15));
            node.Process.AllOutput.Should().NotContain(CameraPassword);
        }

        await using var restarted = await StartNodeAsync();
        using var client = ApiClient(restarted.Url);
        var token = await PlaybackTokenAsync(client, "crash");
        var from = firstSegmentSeen.ToUnixTimeSeconds() - 10;
        var duration = killedAt.ToUnixTimeSeconds() + 2 - from;
        var playlist = $"{restarted.Url}/crash/index-{from}-{duration}.m3u8?token={Uri.EscapeDataString(token)}";

        var (errors, frames) = await ToolRunner.DecodeAsync(playlist);
        errors.Should().BeEmpty("the archive, including the segment the kill cut short, must decode cleanly");
        var played = await ToolRunner.ProbeDurationAsync(playlist);

        // Recording began at most ~1 s before the first file showed up; the kill may lose the last frames before it.
        var recordedBeforeKill = (killedAt - firstSegmentSeen).TotalSeconds;
        played.Should().BeGreaterThan(recordedBeforeKill - 2, "everything up to about the last second before the kill is kept");
        frames.Should().BeGreaterThan((int)((recordedBeforeKill - 2) * 25));
        restarted.Process.AllOutput.Should().NotContain(CameraPassword);
    }

    private string[] SegmentFiles() =>
        Directory.Exists(Path.Combine(_data.Path, "recordings"))
            ? Directory.GetFiles(Path.Combine(_data.Path, "recordings"), "*.ts", SearchOption.AllDirectories)
            : [];

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
            ["NIGHTJAR__RECORDING__SEGMENTSECONDS"] = "4",
            ["NIGHTJAR__SHUTDOWN__TIMEOUTSECONDS"] = "10",
        };
        var process = NightjarProcess.Start(_data.Path, environment, "node", "run");
        var listening = await process.WaitForOutputAsync(ListeningLine(), TimeSpan.FromSeconds(60));
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

    private static async Task<string> PlaybackTokenAsync(HttpClient api, string camera)
    {
        var response = await api.PostAsync(new Uri($"/api/v1/cameras/{camera}/token", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("token").GetString()!;
    }

    private static async Task SendSignalAsync(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString(CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        kill.ExitCode.Should().Be(0);
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:[1-9][0-9]*)")]
    private static partial Regex ListeningLine();

    private sealed record RunningNode(NightjarProcess Process, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
