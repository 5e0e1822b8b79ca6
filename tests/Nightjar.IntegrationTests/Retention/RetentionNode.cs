using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nightjar.Server.Tests.Support;

namespace Nightjar.IntegrationTests.Retention;

/// <summary>
/// A real <c>nightjar node run</c> for the retention tests: loopback only, free ports, its own data directory, an
/// admin key, and whatever Recording/Retention/Storage settings the test gives (as environment variables).
/// </summary>
internal sealed partial class RetentionNode : IAsyncDisposable
{
    public const string AdminKey = "retention-admin-key-0123456789";

    private RetentionNode(NightjarProcess process, string url)
    {
        Process = process;
        Url = url;
        Api = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public NightjarProcess Process { get; }

    public string Url { get; }

    public HttpClient Api { get; }

    /// <summary>Starts the node and returns once <c>/health/ready</c> answers 200.</summary>
    /// <param name="dataPath">Data directory (database; default storage root unless the settings name one).</param>
    /// <param name="settings">Keys as in the README (<c>Retention:PassIntervalSeconds</c>), set through the environment.</param>
    public static async Task<RetentionNode> StartAsync(string dataPath, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["NIGHTJAR__HTTP__PORT"] = "0",
            ["NIGHTJAR__HTTP__BINDADDRESS"] = "127.0.0.1",
            ["NIGHTJAR__RTSP__PORT"] = "0",
            ["NIGHTJAR__RTSP__BINDADDRESS"] = "127.0.0.1",
            ["NIGHTJAR__RTSP__UDPRTPPORT"] = "0",
            ["NIGHTJAR__DATA__PATH"] = dataPath,
            ["NIGHTJAR__AUTH__BOOTSTRAPADMINKEY"] = AdminKey,
            ["NIGHTJAR__SHUTDOWN__TIMEOUTSECONDS"] = "15",
        };
        foreach (var (key, value) in settings)
        {
            environment["NIGHTJAR__" + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()] = value;
        }

        var process = NightjarProcess.Start(dataPath, environment, "node", "run");
        try
        {
            var listening = await process.WaitForOutputAsync(ListeningLine(), TimeSpan.FromSeconds(60));
            var node = new RetentionNode(process, listening.Groups["url"].Value);
            await Wait.UntilAsync(() => node.IsReady(), TimeSpan.FromSeconds(30), "/health/ready to answer 200");
            return node;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a camera recording <paramref name="sourceUrl"/> with the given <c>dvr</c> block.</summary>
    public async Task AddCameraAsync(string id, Uri sourceUrl, object dvr)
    {
        var camera = new { id, name = id, streams = new[] { new { name = "main", url = sourceUrl.ToString() } }, dvr };
        var response = await Api.PostAsJsonAsync(new Uri("/api/v1/cameras", UriKind.Relative), camera);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Replaces a camera's definition (PUT), e.g. to shorten its depth.</summary>
    public async Task ReplaceCameraAsync(string id, Uri sourceUrl, object dvr)
    {
        var camera = new { id, name = id, streams = new[] { new { name = "main", url = sourceUrl.ToString() } }, dvr };
        var response = await Api.PutAsJsonAsync(new Uri($"/api/v1/cameras/{id}", UriKind.Relative), camera);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs JSON and expects a success status, returning the body.</summary>
    public async Task<JsonElement> PostAsync(string path, object body)
    {
        var response = await Api.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"POST {path} must succeed; answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GETs JSON and expects 200.</summary>
    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"GET {path} must succeed; answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GET /api/v1/retention, or null while retention has not started (503).</summary>
    public async Task<JsonElement?> TryGetRetentionAsync()
    {
        var response = await Api.GetAsync(new Uri("/api/v1/retention", UriKind.Relative));
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone()
            : null;
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public async Task KillAsync()
    {
        using var kill = System.Diagnostics.Process.Start(new ProcessStartInfo("kill")
        {
            ArgumentList = { "-KILL", Process.Id.ToString(CultureInfo.InvariantCulture) },
        })!;
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        kill.ExitCode.Should().Be(0, "kill -KILL must reach the node");
        await Process.WaitForExitAsync(TimeSpan.FromSeconds(15));
    }

    /// <summary>SIGTERM and the graceful part of the shutdown: the recording engine closes and indexes its open segments.</summary>
    /// <remarks>The exit code is not this suite's concern (the CLI tests own it); that recording stopped cleanly is.</remarks>
    public async Task StopAsync()
    {
        await Process.TerminateAsync();
        await Process.WaitForExitAsync(TimeSpan.FromSeconds(40));
        Process.AllOutput.Should().Contain("Recording engine stopped", "the engine must close its segments on SIGTERM");
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Process.DisposeAsync();
    }

    private bool IsReady()
    {
        try
        {
            using var probe = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
            return probe.GetAsync(new Uri("/health/ready", UriKind.Relative)).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:[1-9][0-9]*)")]
    private static partial Regex ListeningLine();
}
