using Nightjar.Recording.EventSinks;

namespace Nightjar.Server.EventSinks;

/// <summary>Starts the sink workers once the journal is migrated, and stops them (cancelling in-flight POSTs) at shutdown.</summary>
internal sealed class EventSinkHostedService(EventSinkSupervisor supervisor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => supervisor.StartAsync(cancellationToken);

    // An interrupted batch was not acknowledged: it is delivered again after the restart (at least once).
    public async Task StopAsync(CancellationToken cancellationToken) => await supervisor.DisposeAsync();
}
