using System.Collections.Concurrent;

namespace Nightjar.Persistence.Sqlite;

/// <summary>
/// One in-process write gate per database file. SQLite admits one writer per file; when the journal, the segment
/// catalog (and a second journal instance in tests) of one process write the same <c>nightjar.db</c>, sharing this
/// gate makes them queue in memory, in arrival order, instead of racing for the file lock and depending on
/// busy_timeout (whose back-off sleeps and, past its limit, fails with SQLITE_BUSY under sustained load).
/// busy_timeout still covers writers in other processes.
/// </summary>
internal static class SqliteWriteGate
{
    // Keyed by full path, ordinal: the same spelling rules as the file system these nodes run on (Linux).
    // Entries are never removed: one small semaphore per database file the process ever opened.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the database at <paramref name="filePath"/> (made absolute, so two spellings share it).</summary>
    public static SemaphoreSlim For(string filePath) =>
        Gates.GetOrAdd(Path.GetFullPath(filePath), static _ => new SemaphoreSlim(1, 1));
}
