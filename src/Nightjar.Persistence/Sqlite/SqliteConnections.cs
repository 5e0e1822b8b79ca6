using Microsoft.Data.Sqlite;

namespace Nightjar.Persistence.Sqlite;

/// <summary>
/// Opens connections to <c>nightjar.db</c> with the settings every connection needs. WAL lets readers (feeds, replay)
/// run while the single writer commits; busy_timeout makes a second writer (another journal instance, a CLI process)
/// wait for the write lock instead of failing at once.
/// </summary>
internal sealed class SqliteConnections
{
    public const int BusyTimeoutMilliseconds = 5_000;

    private readonly string _directory;
    private readonly Lock _initializeLock = new();
    private bool _initialized;

    public SqliteConnections(string dataPath)
    {
        _directory = Path.GetFullPath(dataPath);
        FilePath = Path.Combine(_directory, EventJournalOptions.SqliteFileName);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        EnsureDirectory();
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // synchronous=FULL: a committed event survives a power cut, not only a process crash. Group commit
            // keeps the fsync count low.
            await ExecuteAsync(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;", cancellationToken);
            if (!Volatile.Read(ref _initialized))
            {
                // journal_mode is stored in the file, so once per process is enough.
                await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
                Volatile.Write(ref _initialized, true);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops pooled handles of this file (at dispose, so tests can delete their directories).</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void EnsureDirectory()
    {
        if (Volatile.Read(ref _initialized))
        {
            return;
        }

        lock (_initializeLock)
        {
            Directory.CreateDirectory(_directory);
        }
    }
}
