using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nightjar.Recording.EventSinks;

namespace Nightjar.IntegrationTests.EventSinks;

/// <summary>
/// A webhook receiver on 127.0.0.1 (Kestrel in the test process) that verifies each batch's HMAC signature and
/// records the events it acknowledged. Stopping it refuses connections; starting it again reuses the port.
/// </summary>
internal sealed class WebhookReceiver(string secret) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<(string Id, string Camera)> _events = [];
    private WebApplication? _app;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public int Batches { get; private set; }

    public int BadSignatures { get; private set; }

    public IReadOnlyList<(string Id, string Camera)> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hook", (Delegate)HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var valid = EventSinkSignature.Verify(
            secret,
            context.Request.Headers[EventSinkSignature.TimestampHeader],
            context.Request.Headers[EventSinkSignature.SignatureHeader],
            bytes,
            DateTimeOffset.UtcNow,
            TimeSpan.FromMinutes(5));
        using var json = JsonDocument.Parse(bytes);
        lock (_lock)
        {
            Batches++;
            if (!valid)
            {
                BadSignatures++;
                return Results.Unauthorized();
            }

            foreach (var e in json.RootElement.GetProperty("events").EnumerateArray())
            {
                _events.Add((e.GetProperty("id").GetString()!, e.GetProperty("camera").GetString()!));
            }
        }

        return Results.NoContent();
    }
}
