using Microsoft.Data.Sqlite;
using Nightjar.Persistence.Backend;

namespace Nightjar.Persistence.Sqlite;

internal sealed partial class SqliteJournal
{
    private const string EventsByIdSql = """
        SELECT ordering, persistence_id, sequence_nr, created_at, event_type, payload
          FROM event_journal
         WHERE persistence_id = $pid AND sequence_nr >= $from AND sequence_nr <= $to
         ORDER BY sequence_nr
         LIMIT $limit
        """;

    // SQLite serializes writers, so ordering is commit order and a reader's snapshot always holds a gap-free prefix:
    // a plain "ordering > offset" never skips. TransactionId of the offset is always 0 here and ignored.
    private const string EventsByTagSql = """
        SELECT j.ordering, j.persistence_id, j.sequence_nr, j.created_at, j.event_type, j.payload
          FROM event_tag t JOIN event_journal j ON j.ordering = t.ordering
         WHERE t.tag = $tag AND t.ordering > $after
         ORDER BY t.ordering
         LIMIT $limit
        """;

    private const string AllEventsSql = """
        SELECT ordering, persistence_id, sequence_nr, created_at, event_type, payload
          FROM event_journal
         WHERE ordering > $after
         ORDER BY ordering
         LIMIT $limit
        """;

    public async Task<IReadOnlyList<JournalRow>> ReadEventsAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = EventsByIdSql;
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$from", fromSequenceNr);
        command.Parameters.AddWithValue("$to", toSequenceNr);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadRowsAsync(command, cancellationToken);
    }

    public async Task<FeedPage<JournalRow>> ReadFeedAsync(string? tag, JournalOffset after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = tag is null ? AllEventsSql : EventsByTagSql;
        if (tag is not null)
        {
            command.Parameters.AddWithValue("$tag", tag);
        }

        command.Parameters.AddWithValue("$after", after.Ordering);
        command.Parameters.AddWithValue("$limit", limit);
        // Nothing is ever held back: a committed event is visible to every new read at once.
        return new FeedPage<JournalRow>(await ReadRowsAsync(command, cancellationToken), HeldBack: false);
    }

    private static async Task<IReadOnlyList<JournalRow>> ReadRowsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<JournalRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new JournalRow(
                new JournalOffset(0, reader.GetInt64(0)),
                reader.GetString(1),
                reader.GetInt64(2),
                SqliteTime.FromMicroseconds(reader.GetInt64(3)),
                reader.GetString(4),
                reader.GetString(5)));
        }

        return rows;
    }
}
