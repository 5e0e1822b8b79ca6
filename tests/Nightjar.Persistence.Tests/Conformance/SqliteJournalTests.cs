using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Conformance;

/// <summary>The conformance suite on SQLite (a temp data directory per class).</summary>
public sealed class SqliteJournalTests(SqliteStoreFixture fixture)
    : EventJournalConformanceTests(fixture.Store), IClassFixture<SqliteStoreFixture>, IDisposable
{
    private readonly string _blocker = Path.GetTempFileName();

    protected override Task<JournalTestStore> CreateFreshStoreAsync() => Task.FromResult<JournalTestStore>(new SqliteTestStore());

    /// <summary>A data path below a regular file can never be created.</summary>
    protected override EventJournalOptions CreateUnreachableOptions() => new() { DataPath = Path.Combine(_blocker, "data") };

    public void Dispose() => File.Delete(_blocker);
}
