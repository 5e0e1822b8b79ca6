using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Retention;
using Nightjar.Server.Tests.Api;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Retention;

/// <summary>
/// <c>GET /api/v1/retention</c> on a whole in-process node (real journal, catalog and retention service; cameras from
/// the fake manager so no ffmpeg runs): the report's JSON shape, who may read it, and what it says while retention
/// cannot run.
/// </summary>
public sealed class RetentionEndpointsTests
{
    private static readonly Uri Retention = new("/api/v1/retention", UriKind.Relative);

    [Fact]
    public async Task Get_AsViewer_AnswersTheReportWithCamelCaseBytesAndDurationText()
    {
        await using var node = await StartAsync(withProtection: true);
        await AddCameraAsync(node, "lobby");
        using var viewer = await ClientWithRoleAsync(node, "viewer");

        var report = await WaitForRunningReportAsync(viewer, r => r.GetProperty("cameras").GetArrayLength() == 1);

        report.GetProperty("state").GetString().Should().Be("running");
        report.GetProperty("problem").ValueKind.Should().Be(JsonValueKind.Null);
        report.GetProperty("at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var root = report.GetProperty("roots").EnumerateArray().Should().ContainSingle().Subject;
        root.GetProperty("name").GetString().Should().Be("0");
        root.GetProperty("usedBytes").GetInt64().Should().Be(0);
        root.GetProperty("totalBytes").GetInt64().Should().BePositive();
        root.GetProperty("freeBytes").GetInt64().Should().BePositive();
        // The default root's limit is 90% of its filesystem.
        root.GetProperty("limitBytes").GetInt64().Should().BeCloseTo(root.GetProperty("totalBytes").GetInt64() * 9 / 10, 1);
        root.GetProperty("emergencyDeletions").GetInt64().Should().Be(0);
        root.GetProperty("lastRefusal").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("deletedBytesByReason").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64()))
            .Should().BeEquivalentTo([("expired", 0L), ("camera_space", 0L), ("root_limit", 0L), ("emergency", 0L)]);

        var camera = report.GetProperty("cameras")[0];
        camera.GetProperty("id").GetString().Should().Be("lobby");
        camera.GetProperty("depth").GetString().Should().Be("7d");
        camera.GetProperty("motionDepth").GetString().Should().Be("30d");
        camera.GetProperty("spaceBytes").GetInt64().Should().Be(100_000_000_000);
        camera.GetProperty("bytes").GetInt64().Should().Be(0);
        camera.GetProperty("protectedBytes").GetInt64().Should().Be(0);
        camera.GetProperty("oldestRecording").ValueKind.Should().Be(JsonValueKind.Null, "nothing is recorded yet");
        camera.GetProperty("actualDepth").ValueKind.Should().Be(JsonValueKind.Null);
        camera.GetProperty("actualDepthSeconds").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Get_WithoutKey_Is401AndWithAWrongKey_Is401()
    {
        await using var node = await StartAsync(withProtection: true);
        using var anonymous = node.App.GetTestClient();
        using var wrong = node.App.GetTestClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nj_0123456789abcdef_" + new string('A', 43));

        using var none = await anonymous.GetAsync(Retention);
        using var bad = await wrong.GetAsync(Retention);

        none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        none.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        bad.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Get_WithoutProtectionSource_Is200DegradedWhileTheNodeStaysReady()
    {
        await using var node = await StartAsync(withProtection: false);

        var report = await WaitForAsync(node.Client, r => r.GetProperty("state").GetString() == "degraded");

        report.GetProperty("problem").GetString().Should().Be(MissingProtectionSourceException.Text);
        report.GetProperty("roots").GetArrayLength().Should().Be(0);
        report.GetProperty("cameras").GetArrayLength().Should().Be(0);
        using var ready = await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var readiness = await ready.Content.ReadAsStringAsync();
        ready.StatusCode.Should().Be(HttpStatusCode.OK, "recording and playback go on without retention: " + readiness);
        readiness.Should().Contain("degraded: " + MissingProtectionSourceException.Text);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheRetentionRoute()
    {
        await using var node = await StartAsync(withProtection: true);

        using var document = JsonDocument.Parse(await node.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var get = document.RootElement.GetProperty("paths").GetProperty("/api/v1/retention").GetProperty("get");
        get.GetProperty("operationId").GetString().Should().Be("GetRetention");
        get.GetProperty("tags")[0].GetString().Should().Be("Retention");
        get.GetProperty("responses").TryGetProperty("200", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Metrics_ExportTheRetentionMeterOnceAPassRan()
    {
        await using var node = await StartAsync(withProtection: true);
        await WaitForRunningReportAsync(node.Client, _ => true);
        var hosted = node.Services.GetRequiredService<RetentionHostedService>();
        await hosted.Service!.RunPassAsync(CancellationToken.None);

        var text = await node.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        text.Should().Contain("nightjar_retention_", "the Nightjar.Retention meter is exported with the other Nightjar.* meters");
    }

    private static Task<TestNode> StartAsync(bool withProtection) =>
        TestNode.StartAsync(configure: builder =>
        {
            builder.Services.AddSingleton<ICameraManager>(sp => new FakeCameraManager(sp.GetRequiredService<ISecretProtector>()));
            builder.Services.RemoveAll<IProtectionSource>();
            if (withProtection)
            {
                builder.Services.AddSingleton<IProtectionSource>(new FakeProtectionSource());
            }
        });

    private static async Task AddCameraAsync(TestNode node, string id)
    {
        var camera = CameraRequestValidator.ParseCreate(Encoding.UTF8.GetBytes(CameraEndpointsTests.Camera(id))).GetValueOrThrow();
        (await node.Services.GetRequiredService<ICameraManager>().AddAsync(camera, CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Ok);
    }

    private static async Task<HttpClient> ClientWithRoleAsync(TestNode node, string role)
    {
        using var created = await node.Client.PostAsJsonAsync(new Uri("/api/v1/keys", UriKind.Relative), new { name = role + " key", role });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var client = node.App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("key").GetString());
        return client;
    }

    private static Task<JsonElement> WaitForRunningReportAsync(HttpClient client, Func<JsonElement, bool> condition) =>
        WaitForAsync(client, r => r.GetProperty("state").GetString() == "running" && condition(r));

    /// <summary>Polls the report (retention starts in the background) until it satisfies the condition, for at most 20 s.</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient client, Func<JsonElement, bool> condition)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            using var response = await client.GetAsync(Retention);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.OK, body);
            using var json = JsonDocument.Parse(body);
            if (condition(json.RootElement))
            {
                return json.RootElement.Clone();
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("The retention report did not reach the expected state within 20 s; last: " + body);
            }

            await Task.Delay(20);
        }
    }
}
