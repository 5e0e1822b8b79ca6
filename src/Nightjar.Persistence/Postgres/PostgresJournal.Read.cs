using Nightjar.Persistence.Backend;
using Npgsql;
using NpgsqlTypes;

namespace Nightjar.Persistence.Postgres;

internal sealed partial class PostgresJournal
{
    private const string EventsByIdSql = """
        SELECT tx_id, ordering, persistence_id, sequence_nr, created_at, event_type, payload
          FROM event_journal
         WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3
         ORDER BY sequence_nr
         LIMIT $4
        """;

    // The never-skip feed (cluster.md 3.3): only rows of transactions below the snapshot's xmin, i.e. rows no
    // still-running transaction can precede. New transactions always get higher ids, so once the feed has passed
    // (tx, ordering) nothing can appear before it any more. Ordered by (tx_id, ordering), not by commit time.
    private const string EventsByTagSql = """
        SELECT t.tx_id, t.ordering, j.persistence_id, j.sequence_nr, j.created_at, j.event_type, j.payload
          FROM event_tag t JOIN event_journal j ON j.ordering = t.ordering
         WHERE t.tag = $1
           AND (t.tx_id, t.ordering) > ($2, $3)
           AND t.tx_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY t.tx_id, t.ordering
         LIMIT $4
        """;

    private const string AllEventsSql = """
        SELECT tx_id, ordering, persistence_id, sequence_nr, created_at, event_type, payload
          FROM event_journal
         WHERE (tx_id, ordering) > ($1, $2)
           AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY tx_id, ordering
         LIMIT $3
        """;

    // Committed rows at or past the horizon: visible to us, but not yet deliverable.
    private const string TagHeldBackSql =
        "SELECT EXISTS (SELECT 1 FROM event_tag WHERE tag = $1 AND tx_id >= pg_snapshot_xmin(pg_current_snapshot()))";

    private const string AllHeldBackSql =
        "SELECT EXISTS (SELECT 1 FROM event_journal WHERE tx_id >= pg_snapshot_xmin(pg_current_snapshot()))";

    public async Task<IReadOnlyList<JournalRow>> ReadEventsAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(EventsByIdSql);
        command.Parameters.Add(Text(persistenceId));
        command.Parameters.Add(Int64(fromSequenceNr));
        command.Parameters.Add(Int64(toSequenceNr));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadRowsAsync(command, cancellationToken);
    }

    public async Task<FeedPage<JournalRow>> ReadFeedAsync(string? tag, JournalOffset after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var read = new NpgsqlBatchCommand(tag is null ? AllEventsSql : EventsByTagSql);
        var heldBack = new NpgsqlBatchCommand(tag is null ? AllHeldBackSql : TagHeldBackSql);
        if (tag is not null)
        {
            read.Parameters.Add(Text(tag));
            heldBack.Parameters.Add(Text(tag));
        }

        read.Parameters.Add(new NpgsqlParameter<ulong> { TypedValue = after.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        read.Parameters.Add(Int64(after.Ordering));
        read.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { read, heldBack } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var rows = await ReadRowsAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new FeedPage<JournalRow>(rows, reader.GetBoolean(0));
    }

    private static async Task<IReadOnlyList<JournalRow>> ReadRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadRowsAsync(reader, cancellationToken);
    }

    private static async Task<IReadOnlyList<JournalRow>> ReadRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<JournalRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new JournalRow(
                new JournalOffset(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)),
                reader.GetString(2),
                reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetString(5),
                reader.GetString(6)));
        }

        return rows;
    }
}
