using System.Net;
using System.Text;
using System.Text.Json;
using Nightjar.Persistence;
using Nightjar.Recording.EventSinks;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Api.EventSinks;

/// <summary><c>/api/v1/event-sinks</c>: create, list, get, replace with masked secrets, delete; strict bodies; nothing secret comes back.</summary>
public sealed class EventSinkEndpointsTests(EventSinkEndpointsTests.NodeFixture fixture) : IClassFixture<EventSinkEndpointsTests.NodeFixture>
{
    private const string Sinks = "/api/v1/event-sinks";
    private const string UrlPassword = "url-pa55word";
    private const string HeaderValue = "header-t0ken-value";
    private const string Secret = "signing-secret-0123456789";

    // Nothing listens on port 1: the sink just retries, which these tests do not care about.
    private static readonly string FullBody = $$"""
        {"name": "ops", "url": "http://hook:{{UrlPassword}}@127.0.0.1:1/events?token=q-t0ken",
         "only": {"types": ["camera_alarm", "camera_event"], "cameras": ["lobby"]},
         "headers": {"X-Token": "{{HeaderValue}}"}, "secret": "{{Secret}}", "batchSize": 50, "from": "start"}
        """;

    private readonly TestNode _node = fixture.Node;

    [Fact]
    public async Task Create_Is201WithRedactedShapeAndStatus_AndListAndGetAgree()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, Sinks, FullBody);

        status.Should().Be(HttpStatusCode.Created, body);
        AssertNoSecret(body);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var id = root.GetProperty("id").GetString()!;
        id.Should().MatchRegex("^[0-9a-f]{16}$");
        root.GetProperty("url").GetString().Should().Be("http://hook:***@127.0.0.1:1/events?token=***");
        root.GetProperty("headers").GetProperty("X-Token").GetString().Should().Be("***");
        root.GetProperty("secret").GetBoolean().Should().BeTrue();
        root.GetProperty("only").GetProperty("types").EnumerateArray().Select(e => e.GetString()).Should().Equal("camera_alarm", "camera_event");
        root.GetProperty("batchSize").GetInt32().Should().Be(50);
        root.GetProperty("from").GetString().Should().Be("start");
        root.GetProperty("status").GetProperty("state").GetString().Should().BeOneOf("starting", "idle", "delivering", "retrying");
        root.GetProperty("status").TryGetProperty("lagEvents", out _).Should().BeTrue();

        var (listStatus, list) = await SendAsync(HttpMethod.Get, Sinks, null);
        listStatus.Should().Be(HttpStatusCode.OK);
        list.Should().Contain(id);
        AssertNoSecret(list);
        var (getStatus, one) = await SendAsync(HttpMethod.Get, $"{Sinks}/{id}", null);
        getStatus.Should().Be(HttpStatusCode.OK);
        AssertNoSecret(one);
    }

    [Fact]
    public async Task Replace_WithTheGetBodySentBack_KeepsEverySecret()
    {
        var id = await CreateAsync();
        var store = _node.Services.GetRequiredService<EventSinkStore>();
        var before = store.Current.Find(id)!.Definition;
        var (_, shown) = await SendAsync(HttpMethod.Get, $"{Sinks}/{id}", null);
        using var json = JsonDocument.Parse(shown);
        var root = json.RootElement;
        var resend = $$"""
            {"name": "renamed", "url": {{root.GetProperty("url").GetRawText()}}, "only": {{root.GetProperty("only").GetRawText()}},
             "headers": {{root.GetProperty("headers").GetRawText()}}, "secret": true, "batchSize": 50}
            """;

        var (status, body) = await SendAsync(HttpMethod.Put, $"{Sinks}/{id}", resend);

        status.Should().Be(HttpStatusCode.OK, body);
        body.Should().Contain("\"name\":\"renamed\"");
        var after = store.Current.Find(id)!.Definition;
        after.SameDelivery(before).Should().BeTrue("masked values keep the stored secrets and no 'from' keeps the position");
    }

    [Fact]
    public async Task Delete_Is204ThenGetIs404()
    {
        var id = await CreateAsync();

        (await SendAsync(HttpMethod.Delete, $"{Sinks}/{id}", null)).Status.Should().Be(HttpStatusCode.NoContent);
        (await SendAsync(HttpMethod.Get, $"{Sinks}/{id}", null)).Status.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Delete, $"{Sinks}/{id}", null)).Status.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Put, $"{Sinks}/{id}", """{"url": "http://127.0.0.1:1/x"}""")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"url": "http://h/x", "colour": "red"}""", "colour")]
    [InlineData("""{"url": 5}""", "url")]
    [InlineData("""{"url": "http://h/x", "only": {"types": "camera_alarm"}}""", "only.types")]
    [InlineData("""{"url": "http://h/x", "only": {"kinds": []}}""", "only.kinds")]
    [InlineData("""{"url": "http://h/x", "headers": {"X-A": 1}}""", "headers.X-A")]
    [InlineData("""{"url": "http://h/x", "secret": 12}""", "secret")]
    [InlineData("""{"url": "http://h/x", "batchSize": 1.5}""", "batchSize")]
    [InlineData("""{"url": "http://h/x", "url": "http://h/y"}""", "url")]
    [InlineData("""[1]""", "$")]
    [InlineData("""{"url": "http://h/x",}""", "$")]
    public async Task Create_MalformedBody_Is400NamingTheField(string body, string field)
    {
        var before = _node.Services.GetRequiredService<EventSinkStore>().Current;
        var (status, answer) = await SendAsync(HttpMethod.Post, Sinks, body);

        status.Should().Be(HttpStatusCode.BadRequest, answer);
        answer.Should().Contain($"\"{field}\"");
        _node.Services.GetRequiredService<EventSinkStore>().Current.Should().BeSameAs(before, "nothing changed");
    }

    [Theory]
    [InlineData("""{"url": "file:///etc/passwd"}""", "url")]
    [InlineData("""{"url": "/var/run/x.sock"}""", "url")]
    [InlineData("""{"url": "http://h/x", "only": {"types": ["teleported"]}}""", "only.types")]
    [InlineData("""{"url": "http://h/x", "headers": {"Host": "evil"}}""", "headers.Host")]
    [InlineData("""{"url": "http://h/x", "secret": "short"}""", "secret")]
    [InlineData("""{"url": "http://h/x", "batchSize": 0}""", "batchSize")]
    [InlineData("""{"url": "http://h/x", "from": "yesterday"}""", "from")]
    [InlineData("""{"name": "no url"}""", "url")]
    public async Task Create_InvalidValue_Is422NamingTheField(string body, string field)
    {
        var before = _node.Services.GetRequiredService<EventSinkStore>().Current;
        var (status, answer) = await SendAsync(HttpMethod.Post, Sinks, body);

        status.Should().Be(HttpStatusCode.UnprocessableEntity, answer);
        answer.Should().Contain($"\"{field}\"");
        _node.Services.GetRequiredService<EventSinkStore>().Current.Should().BeSameAs(before, "nothing changed");
    }

    [Fact]
    public async Task Requests_WrongContentTypeOrBadId_AreRefused()
    {
        using var text = new StringContent("""{"url": "http://h/x"}""", Encoding.UTF8, "text/plain");
        (await _node.Client.PostAsync(new Uri(Sinks, UriKind.Relative), text)).StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await SendAsync(HttpMethod.Get, $"{Sinks}/NOT-AN-ID", null)).Status.Should().Be(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Get, $"{Sinks}/0123456789abcdef", null)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_SecretsNeverReachTheJournalInClear()
    {
        await CreateAsync();
        var journal = _node.Services.GetRequiredService<IEventJournal>();
        var all = await journal.ReadAllAsync(JournalOffset.Start, 1000, CancellationToken.None);
        var text = string.Join("\n", all.Select(e => JsonSerializer.Serialize(e.Payload, e.Payload.GetType())));

        all.Should().Contain(e => e.EventType == "sink.created.v1");
        AssertNoSecret(text);
    }

    private static void AssertNoSecret(string text) =>
        text.Should().NotContain(UrlPassword).And.NotContain(HeaderValue).And.NotContain(Secret).And.NotContain("q-t0ken");

    private async Task<string> CreateAsync()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, Sinks, FullBody);
        status.Should().Be(HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string url, string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _node.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>One node for the class: starting one per test would cost a second each.</summary>
    public sealed class NodeFixture : IAsyncLifetime
    {
        internal TestNode Node { get; private set; } = null!;

        public async Task InitializeAsync() => Node = await TestNode.StartAsync();

        public async Task DisposeAsync() => await Node.DisposeAsync();
    }
}
