using Nightjar.Persistence;

namespace Nightjar.Persistence.Tests.Fixtures;

public sealed class SqliteTestStore : JournalTestStore
{
    public SqliteTestStore()
    {
        DataPath = Path.Combine(Path.GetTempPath(), $"nj-test-{Guid.NewGuid():N}");
    }

    public string DataPath { get; }

    public override EventJournalOptions CreateOptions() => new() { DataPath = DataPath };

    public override ValueTask DisposeAsync()
    {
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
