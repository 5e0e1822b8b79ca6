using Nightjar.Persistence;

namespace Nightjar.Persistence.Tests.Fixtures;

/// <summary>One isolated database (a fresh PostgreSQL database or a temp SQLite directory) that journals can open.</summary>
public abstract class JournalTestStore : IAsyncDisposable
{
    /// <summary>Options pointing at this store; tests tweak timing on top.</summary>
    public abstract EventJournalOptions CreateOptions();

    public IEventJournal CreateJournal(EventTypeRegistry? registry = null, Action<EventJournalOptions>? configure = null)
    {
        var options = CreateOptions();
        // Short polls keep live-feed tests fast; hints make most of them unnecessary anyway.
        options.PollInterval = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        return EventJournalFactory.Create(options, registry ?? TestTypes.Registry());
    }

    public async Task MigrateAsync()
    {
        await using var journal = CreateJournal();
        await journal.MigrateAsync(CancellationToken.None);
    }

    public abstract ValueTask DisposeAsync();
}
