using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Nightjar.Server.Http;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Http;

public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() =>
        _node = await TestNode.StartAsync(configureApp: app =>
        {
            // Stand-ins for future endpoints: a JSON body and a bug.
            app.MapPost("/test/echo", (EchoRequest request) => TypedResults.Ok(request));
            app.MapGet("/test/boom", string () => throw new InvalidOperationException("secret-detail Password=hunter2"));
        });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task UnknownRoute_Is404ProblemDetails()
    {
        var response = await _node.Client.GetAsync(new Uri("/no/such/thing", UriKind.Relative));

        var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        problem.GetProperty("title").GetString().Should().Be("Not Found");
        problem.GetProperty("detail").GetString().Should().Be("Nothing is served at /no/such/thing.");
        problem.GetProperty("instance").GetString().Should().Be("/no/such/thing");
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task WrongMethod_Is405ProblemDetailsWithAllow()
    {
        var response = await _node.Client.DeleteAsync(new Uri("/api/v1/node", UriKind.Relative));

        var problem = await ReadProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        problem.GetProperty("detail").GetString().Should().Be("DELETE is not allowed on /api/v1/node.");
        response.Content.Headers.Allow.Should().Contain("GET");
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("{\"name\": 42}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task BadJson_Is400ProblemDetailsSayingWhy(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _node.Client.PostAsync(new Uri("/test/echo", UriKind.Relative), content);

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().Should().Be("Bad Request");
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task GoodJson_StillWorks()
    {
        using var content = new StringContent("""{"name":"lobby"}""", Encoding.UTF8, "application/json");
        var response = await _node.Client.PostAsync(new Uri("/test/echo", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"name":"lobby"}""");
    }

    [Fact]
    public async Task UnhandledException_Is500WithoutStackTraceOrMessage()
    {
        var response = await _node.Client.GetAsync(new Uri("/test/boom", UriKind.Relative));

        var raw = await response.Content.ReadAsStringAsync();
        var problem = await ReadProblemAsync(response, HttpStatusCode.InternalServerError);
        problem.GetProperty("detail").GetString().Should().Be(ProblemExceptionHandler.InternalErrorDetail);
        raw.Should().NotContain("secret-detail").And.NotContain("hunter2").And.NotContain("InvalidOperationException")
            .And.NotContain(" at ").And.NotContain(".cs:");
    }

    [Fact]
    public async Task BrowserAcceptHeader_StillGetsProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/missing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await _node.Client.SendAsync(request);

        await ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement.Clone();
        root.GetProperty("status").GetInt32().Should().Be((int)status);
        return root;
    }

    private sealed record EchoRequest(string Name);
}
