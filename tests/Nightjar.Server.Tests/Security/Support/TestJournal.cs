using Nightjar.Persistence;
using Nightjar.Recording.Events;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Security.Support;

/// <summary>A real SQLite journal in a temporary directory, migrated, with the recording event types registered.</summary>
internal sealed class TestJournal : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private TestJournal() => Journal = EventJournalFactory.Create(new EventJournalOptions { DataPath = _directory.Path }, Types());

    public IEventJournal Journal { get; }

    public static async Task<TestJournal> CreateAsync()
    {
        var journal = new TestJournal();
        await journal.Journal.MigrateAsync(CancellationToken.None);
        return journal;
    }

    public static EventTypeRegistry Types()
    {
        var registry = new EventTypeRegistry();
        foreach (var (name, type) in RecordingEventTypes.All)
        {
            registry.Register(type, name);
        }

        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
        _directory.Dispose();
    }
}
