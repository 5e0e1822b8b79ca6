using System.Net;
using System.Text.Json;

namespace Nightjar.Server.Tests.Playback;

[Collection(PlaybackCollection.Name)]
public sealed class RecordingStatusEndpointsTests(PlaybackRecordings recordings)
{
    private static readonly long T0 = PlaybackRecordings.T0Seconds;

    [Fact]
    public async Task RecordingStatus_PrimaryAlias_IsFlussonicShaped()
    {
        var node = await recordings.SharedNodeAsync();

        var response = await node.Client.GetAsync(new Uri($"/lobby/recording_status.json?from={T0}&to={T0 + 60}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        (await response.Content.ReadAsStringAsync()).Should().Be(
            $$"""[{"stream":"lobby","ranges":[{"from":{{T0}},"duration":12},{"from":{{T0 + 22}},"duration":8}]}]""");
    }

    [Fact]
    public async Task RecordingStatus_NamedStream_NamesTheStream()
    {
        var node = await recordings.SharedNodeAsync();

        var json = await node.Client.GetStringAsync(new Uri($"/lobby/main/recording_status.json?from={T0 + 20}&to={T0 + 60}", UriKind.Relative));

        json.Should().Be($$"""[{"stream":"lobby/main","ranges":[{"from":{{T0 + 22}},"duration":8}]}]""");
    }

    [Fact]
    public async Task Recordings_Api_ListsRecordedRangesAndGapsInRfc3339()
    {
        var node = await recordings.SharedNodeAsync();

        var response = await node.Client.GetAsync(new Uri($"/api/v1/cameras/lobby/recordings?from=2026-11-21T00:00:00Z&to={T0 + 60}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """
            {"camera":"lobby","stream":"main","from":"2026-11-21T00:00:00Z","to":"2026-11-21T00:01:00Z","recorded":[{"from":"2026-11-21T00:00:00Z","to":"2026-11-21T00:00:12Z"},{"from":"2026-11-21T00:00:22Z","to":"2026-11-21T00:00:30Z"}],"gaps":[{"from":"2026-11-21T00:00:12Z","to":"2026-11-21T00:00:22Z"},{"from":"2026-11-21T00:00:30Z","to":"2026-11-21T00:01:00Z"}]}
            """);
    }

    [Fact]
    public async Task Recordings_Api_DefaultWindowIsTheLastDayOfThePrimaryStream()
    {
        var node = await recordings.SharedNodeAsync();

        using var json = JsonDocument.Parse(await node.Client.GetStringAsync(new Uri("/api/v1/cameras/lobby/recordings", UriKind.Relative)));

        var root = json.RootElement;
        root.GetProperty("stream").GetString().Should().Be("main");
        root.GetProperty("to").GetDateTimeOffset().Should().Be(PlaybackNode.DefaultNow);
        root.GetProperty("from").GetDateTimeOffset().Should().Be(PlaybackNode.DefaultNow.AddDays(-1));
        root.GetProperty("recorded").GetArrayLength().Should().Be(2);
    }

    [Theory]
    [InlineData("/api/v1/cameras/lobby/recordings?from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/cameras/lobby/recordings?from=1795219260&to=1795219200", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/cameras/lobby/recordings?from=0&to=1795219200", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/cameras/lobby/recordings?stream=nosuch", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/cameras/nosuch/recordings", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/cameras/garage/recordings", HttpStatusCode.NotFound)]
    [InlineData("/lobby/recording_status.json?to=soon", HttpStatusCode.BadRequest)]
    [InlineData("/nosuch/recording_status.json", HttpStatusCode.NotFound)]
    public async Task Timeline_BadRequest_IsAProblem(string url, HttpStatusCode status)
    {
        var node = await recordings.SharedNodeAsync();

        var response = await node.Client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Recordings_Api_WithoutCredentials_Is401()
    {
        var node = await recordings.SharedNodeAsync();
        using var anonymous = node.CreateClient(key: null);

        var response = await anonymous.GetAsync(new Uri("/api/v1/cameras/lobby/recordings", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
