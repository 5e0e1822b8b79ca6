using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nightjar.Recording.EventSinks;

namespace Nightjar.Recording.Tests.EventSinks;

/// <summary>
/// A webhook receiver on 127.0.0.1 (real Kestrel): records every batch, checks the HMAC signature when it knows the
/// secret, answers <see cref="Status"/>. <see cref="StopAsync"/> takes it off the network (connection refused) and
/// <see cref="StartAsync"/> brings it back on the same port.
/// </summary>
internal sealed class SinkReceiver : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly List<ReceivedBatch> _batches = [];
    private readonly string? _secret;
    private WebApplication? _app;

    private SinkReceiver(string? secret) => _secret = secret;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>What the receiver answers; 200 by default.</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>A Location for 3xx answers.</summary>
    public string? RedirectTo { get; set; }

    public IReadOnlyList<ReceivedBatch> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>Event ids of the acknowledged (2xx) batches, in arrival order, duplicates included.</summary>
    public IReadOnlyList<string> AcknowledgedIds => [.. Batches.Where(b => b.Acknowledged).SelectMany(b => b.EventIds)];

    public static async Task<SinkReceiver> StartNewAsync(string? secret = null)
    {
        var receiver = new SinkReceiver(secret);
        await receiver.StartAsync();
        return receiver;
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
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var signatureValid = _secret is not null && EventSinkSignature.Verify(
            _secret,
            headers.GetValueOrDefault(EventSinkSignature.TimestampHeader),
            headers.GetValueOrDefault(EventSinkSignature.SignatureHeader),
            bytes,
            DateTimeOffset.UtcNow,
            TimeSpan.FromDays(3650)); // the sender's clock may be a test's manual clock; the replay window is tested on its own
        using var json = JsonDocument.Parse(bytes);
        var ids = json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        var types = json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();
        var status = Status;
        lock (_lock)
        {
            _batches.Add(new ReceivedBatch(ids, types, headers, bytes, signatureValid, (int)status is >= 200 and < 300));
        }

        if (RedirectTo is { } location && (int)status is >= 300 and < 400)
        {
            context.Response.Headers.Location = location;
        }

        return Results.StatusCode((int)status);
    }
}
