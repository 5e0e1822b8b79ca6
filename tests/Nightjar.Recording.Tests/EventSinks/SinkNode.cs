using Nightjar.Recording.EventFeed;
using Nightjar.Recording.EventSinks;

namespace Nightjar.Recording.Tests.EventSinks;

/// <summary>Another node of a cluster over the <see cref="SinkHarness"/>'s journal: its own sink store and supervisor.</summary>
internal sealed class SinkNode(EventSinkStore store, EventSinkSupervisor supervisor, EventsMetrics metrics) : IAsyncDisposable
{
    public EventSinkSupervisor Supervisor => supervisor;

    public async ValueTask DisposeAsync()
    {
        await supervisor.DisposeAsync();
        store.Dispose();
        metrics.Dispose();
    }
}
