using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Nightjar.Benchmarks.Events;

/// <summary>A webhook receiver on 127.0.0.1 that parses each batch, counts its events and acknowledges with 204.</summary>
internal sealed class BenchReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _delivered;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BenchReceiver(WebApplication app) => _app = app;

    public string Url => new Uri(new Uri(_app.Urls.First()), "/hook").ToString();

    public long Delivered => Interlocked.Read(ref _delivered);

    public static async Task<BenchReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new BenchReceiver(app);
        app.MapPost("/hook", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Completes once <paramref name="total"/> events (over all sinks) have been acknowledged since the start.</summary>
    public Task WhenDelivered(long total)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _target, total);
        if (Delivered >= total)
        {
            _reached.TrySetResult();
        }

        return _reached.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var count = json.RootElement.GetProperty("events").GetArrayLength();
        if (Interlocked.Add(ref _delivered, count) >= Interlocked.Read(ref _target))
        {
            _reached.TrySetResult();
        }

        return Results.NoContent();
    }
}
