using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Nightjar.IntegrationTests.Retention;

/// <summary>
/// Reads a node's embedded database (<c>{data}/nightjar.db</c>) from outside, as an auditor would: the segment
/// catalog and the journal, by plain SQL, independent of the code under test. Safe while the node runs (WAL
/// readers never block the writer) and after it was killed.
/// </summary>
internal sealed class ArchiveDatabase(string dataPath)
{
    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, "nightjar.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
        DefaultTimeout = 10,
    }.ToString();

    public bool Exists => File.Exists(Path.Combine(dataPath, "nightjar.db"));

    /// <summary>Every catalog row, oldest first.</summary>
    public IReadOnlyList<CatalogRow> Segments()
    {
        var rows = new List<CatalogRow>();
        if (!Exists)
        {
            return rows;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, path, start_us, end_us, bytes, state FROM segments ORDER BY start_us, id";
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(new CatalogRow(
                    reader.GetString(0), reader.GetString(1), FromMicroseconds(reader.GetInt64(2)), FromMicroseconds(reader.GetInt64(3)),
                    reader.GetInt64(4), reader.GetInt32(5)));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            // "no such table": the node has not migrated its catalog yet.
        }

        return rows;
    }

    /// <summary>Events of the given types in journal order.</summary>
    public IReadOnlyList<JournalRow> Events(params string[] types)
    {
        var rows = new List<JournalRow>();
        if (!Exists)
        {
            return rows;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        var names = types.Select((_, i) => "$t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        command.CommandText = $"SELECT ordering, event_type, created_at, payload FROM event_journal WHERE event_type IN ({string.Join(", ", names)}) ORDER BY ordering";
        for (var i = 0; i < types.Length; i++)
        {
            command.Parameters.AddWithValue(names[i], types[i]);
        }

        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                using var payload = JsonDocument.Parse(reader.GetString(3));
                rows.Add(new JournalRow(reader.GetInt64(0), reader.GetString(1), FromMicroseconds(reader.GetInt64(2)), payload.RootElement.Clone()));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
        }

        return rows;
    }

    /// <summary>How many events of one type the journal holds (cheap enough to poll every few milliseconds).</summary>
    public long Count(string type)
    {
        if (!Exists)
        {
            return 0;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM event_journal WHERE event_type = $type";
        command.Parameters.AddWithValue("$type", type);
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 1 or 5)
        {
            return 0; // not migrated yet, or busy for longer than the timeout: the caller polls again
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private static DateTimeOffset FromMicroseconds(long microseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(0).AddTicks(microseconds * 10);
}
