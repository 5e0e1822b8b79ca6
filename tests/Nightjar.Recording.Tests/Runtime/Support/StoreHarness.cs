using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Tests.Runtime.Support;

/// <summary>A SQLite journal and segment catalog in a temp directory, without an engine.</summary>
internal sealed class StoreHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("nj-store");

    private StoreHarness()
    {
    }

    public string StorageRoot => _temp.Combine("recordings");

    public IEventJournal Journal { get; private set; } = null!;

    public ISegmentCatalog Catalog { get; private set; } = null!;

    public static async Task<StoreHarness> StartAsync()
    {
        var harness = new StoreHarness();
        var registry = new EventTypeRegistry();
        RecordingEngine.RegisterJournalTypes(registry);
        var options = new EventJournalOptions { DataPath = harness._temp.Combine("data") };
        harness.Journal = EventJournalFactory.Create(options, registry);
        await harness.Journal.MigrateAsync(CancellationToken.None);
        harness.Catalog = SegmentCatalogFactory.Create(options);
        await harness.Catalog.MigrateAsync(CancellationToken.None);
        Directory.CreateDirectory(harness.StorageRoot);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        if (Catalog is IAsyncDisposable catalog)
        {
            await catalog.DisposeAsync();
        }

        await Journal.DisposeAsync();
        _temp.Dispose();
    }
}
