using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Nightjar.Server.Security;

namespace Nightjar.Server.Tests.Security;

/// <summary>Bounded reading of request bodies: 413 before buffering too much, 415 for what is not JSON, 400 for nothing.</summary>
public sealed class JsonRequestBodyTests
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/problem+json")]
    public async Task Read_Json_GivesTheBytes(string contentType)
    {
        var body = await ReadAsync("{\"a\":1}", contentType, declareLength: true, max: 100);

        body.Problem.Should().BeNull();
        Encoding.UTF8.GetString(body.Bytes!).Should().Be("{\"a\":1}");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("json")]
    [InlineData(null)]
    public async Task Read_NotJson_Is415(string? contentType)
    {
        var body = await ReadAsync("{\"a\":1}", contentType, declareLength: true, max: 100);

        Status(body).Should().Be(StatusCodes.Status415UnsupportedMediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_TooLarge_Is413WhetherOrNotTheLengthIsDeclared(bool declareLength)
    {
        var body = await ReadAsync(new string('x', 5000), "application/json", declareLength, max: 1000);

        Status(body).Should().Be(StatusCodes.Status413PayloadTooLarge);
    }

    [Fact]
    public async Task Read_LengthAboveLimit_Is413WithoutReading()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = 10_000_000;
        context.Request.Body = new ThrowingStream();

        var body = await JsonRequestBody.ReadAsync(context.Request, 1000, optional: false, CancellationToken.None);

        Status(body).Should().Be(StatusCodes.Status413PayloadTooLarge);
    }

    [Fact]
    public async Task Read_Empty_Is400UnlessOptional()
    {
        Status(await ReadAsync(string.Empty, "application/json", declareLength: true, max: 100)).Should().Be(StatusCodes.Status400BadRequest);
        Status(await ReadAsync(string.Empty, null, declareLength: true, max: 100)).Should().Be(StatusCodes.Status400BadRequest);
        (await ReadAsync(string.Empty, null, declareLength: false, max: 100, optional: true)).Bytes.Should().BeEmpty();
        (await ReadAsync(string.Empty, "text/plain", declareLength: true, max: 100, optional: true)).Bytes.Should().BeEmpty();
    }

    private static async Task<JsonBody> ReadAsync(string text, string? contentType, bool declareLength, int max, bool optional = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.ContentLength = declareLength ? bytes.Length : null;
        context.Request.Body = new MemoryStream(bytes);
        return await JsonRequestBody.ReadAsync(context.Request, max, optional, CancellationToken.None);
    }

    private static int? Status(JsonBody body) => body.Problem switch
    {
        ProblemHttpResult problem => problem.StatusCode,
        IStatusCodeHttpResult result => result.StatusCode,
        _ => null,
    };

    private sealed class ThrowingStream : MemoryStream
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the body must not be read");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the body must not be read");
    }
}
