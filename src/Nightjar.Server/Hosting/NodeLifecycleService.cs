using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.Hosting;

/// <summary>
/// Logs the node's start, the addresses it really listens on (port 0 becomes the chosen port), and the
/// start and end of shutdown. Registered first, so its Stopping runs before any component stops.
/// </summary>
internal sealed partial class NodeLifecycleService(
    NodeInfo node,
    IServer server,
    IOptions<ShutdownOptions> shutdown,
    IOptions<DataOptions> data,
    IOptions<DatabaseOptions> database,
    TimeProvider timeProvider,
    ILogger<NodeLifecycleService> logger) : IHostedLifecycleService
{
    private long _stoppingTimestamp;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var roles = string.Join(",", node.Roles).ToLowerInvariant();
            var dataPath = data.Value.GetFullPath();
            LogStarting(node.Version, node.Id, roles, dataPath, database.Value.IsEmbedded ? "embedded SQLite" : "PostgreSQL");
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            LogListening(node.Id, addresses is { Count: > 0 } ? string.Join(" ", addresses) : "(in-process test server)");
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stoppingTimestamp = timeProvider.GetTimestamp();
        LogShutdownStarted(node.Id, shutdown.Value.TimeoutSeconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var elapsedMs = Math.Round(timeProvider.GetElapsedTime(_stoppingTimestamp).TotalMilliseconds);
            LogShutdownCompleted(node.Id, elapsedMs);
        }

        return Task.CompletedTask;
    }
}
