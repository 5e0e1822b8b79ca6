using Nightjar.Persistence.GroupCommit;
using Npgsql;
using NpgsqlTypes;

namespace Nightjar.Persistence.Postgres;

internal sealed partial class PostgresJournal
{
    // One statement per append. The event_stream row is the gate: it advances only from the expected number, so a
    // stale writer inserts nothing (0 rows back) instead of raising an error that would abort the whole batch
    // transaction. A concurrent writer on another node blocks on the row lock and then sees the new number.
    private const string AppendTail = """
        , inserted AS (
            INSERT INTO event_journal (persistence_id, sequence_nr, event_type, payload, writer_uuid, created_at)
            SELECT $1, $2 + e.idx, e.event_type, e.payload, $6, $7
              FROM gate, unnest($4::text[], $5::jsonb[]) WITH ORDINALITY AS e(event_type, payload, idx)
             ORDER BY e.idx
            RETURNING tx_id, ordering, sequence_nr
        ), tagged AS (
            INSERT INTO event_tag (tag, tx_id, ordering, persistence_id, sequence_nr)
            SELECT t.tag, i.tx_id, i.ordering, $1, i.sequence_nr
              FROM inserted i JOIN unnest($8::bigint[], $9::text[]) AS t(sequence_nr, tag) ON t.sequence_nr = i.sequence_nr
        )
        SELECT tx_id, ordering FROM inserted ORDER BY ordering DESC LIMIT 1
        """;

    private const string AppendToNewStreamSql = """
        WITH gate AS (
            INSERT INTO event_stream (persistence_id, highest_sequence_nr) VALUES ($1, $3)
            ON CONFLICT (persistence_id) DO NOTHING
            RETURNING persistence_id
        )
        """ + AppendTail;

    private const string AppendToExistingStreamSql = """
        WITH gate AS (
            UPDATE event_stream SET highest_sequence_nr = $3
             WHERE persistence_id = $1 AND highest_sequence_nr = $2
            RETURNING persistence_id
        )
        """ + AppendTail;

    // Delivered on commit only, and folded into one per transaction by PostgreSQL.
    private const string NotifySql = "NOTIFY " + PostgresNotificationListener.Channel;

    public async Task WriteBatchAsync(IReadOnlyList<PendingAppend> batch, DateTimeOffset writtenAt, CancellationToken cancellationToken)
    {
        var remaining = new List<PendingAppend>(batch);
        while (remaining.Count > 0)
        {
            foreach (var append in remaining)
            {
                append.Reset();
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var failedIndex = await TryWriteAllAsync(connection, transaction, remaining, writtenAt, cancellationToken);
            if (failedIndex >= 0)
            {
                // The failed statement aborted the transaction: drop that append alone and write the rest again.
                await transaction.RollbackAsync(cancellationToken);
                remaining.RemoveAt(failedIndex);
                continue;
            }

            await ResolveConflictsAsync(connection, transaction, remaining, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }
    }

    /// <returns>-1 when every statement ran; else the index of the append whose statement failed (already marked).</returns>
    private async Task<int> TryWriteAllAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        List<PendingAppend> appends,
        DateTimeOffset writtenAt,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var append in appends)
        {
            batch.BatchCommands.Add(CreateAppendCommand(append, writtenAt));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand(NotifySql));
        // Results arrive in statement order, so the statement being read when an error surfaces is the one that
        // failed. (PostgresException.BatchCommand is not set for errors raised while binding parameters.)
        var current = 0;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            while (current < appends.Count)
            {
                var append = appends[current];
                if (await reader.ReadAsync(cancellationToken))
                {
                    append.MarkWritten(new JournalOffset(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)));
                }
                else
                {
                    append.MarkConflict(-1);
                }

                // Advance first: an error surfacing in NextResult belongs to the next statement.
                current++;
                if (current < appends.Count)
                {
                    await reader.NextResultAsync(cancellationToken);
                }
            }
        }
        catch (PostgresException ex) when (IsPerAppendError(ex) && current < appends.Count)
        {
            // Unique violation or deadlock: another writer holds this persistence id. Anything else is this append's data.
            if (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected)
            {
                appends[current].MarkConflict(-1);
            }
            else
            {
                appends[current].MarkFailed(ex);
            }

            return current;
        }

        return -1;
    }

    private static async Task ResolveConflictsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingAppend> appends, CancellationToken cancellationToken)
    {
        var conflicted = appends.Where(a => a.Outcome == AppendOutcome.Conflict).ToList();
        if (conflicted.Count == 0)
        {
            return;
        }

        // A fresh statement sees what the other writer committed, so the error can name the real number.
        await using var command = new NpgsqlCommand("SELECT persistence_id, highest_sequence_nr FROM event_stream WHERE persistence_id = ANY($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = conflicted.Select(a => a.PersistenceId).Distinct(StringComparer.Ordinal).ToArray() });
        var highest = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                highest[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        foreach (var append in conflicted)
        {
            append.MarkConflict(highest.GetValueOrDefault(append.PersistenceId, 0));
        }
    }

    private NpgsqlBatchCommand CreateAppendCommand(PendingAppend append, DateTimeOffset writtenAt)
    {
        var events = append.Events;
        var types = new string[events.Count];
        var payloads = new string[events.Count];
        var tagSequence = new List<long>();
        var tags = new List<string>();
        for (var i = 0; i < events.Count; i++)
        {
            types[i] = events[i].EventType;
            payloads[i] = events[i].Payload;
            foreach (var tag in events[i].Tags)
            {
                tagSequence.Add(append.ExpectedSequenceNr + i + 1);
                tags.Add(tag);
            }
        }

        return new NpgsqlBatchCommand(append.ExpectedSequenceNr == 0 ? AppendToNewStreamSql : AppendToExistingStreamSql)
        {
            Parameters =
            {
                Text(append.PersistenceId),
                Int64(append.ExpectedSequenceNr),
                Int64(append.HighestSequenceNr),
                new NpgsqlParameter<string[]> { TypedValue = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter<string[]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                new NpgsqlParameter<Guid> { TypedValue = _writerId, NpgsqlDbType = NpgsqlDbType.Uuid },
                Timestamp(writtenAt),
                new NpgsqlParameter<long[]> { TypedValue = tagSequence.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
                new NpgsqlParameter<string[]> { TypedValue = tags.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            },
        };
    }

    /// <summary>Errors caused by one append's own statement (its data, its persistence id); anything else fails the batch.</summary>
    private static bool IsPerAppendError(PostgresException ex) =>
        ex.SqlState.StartsWith("22", StringComparison.Ordinal)      // data exception, e.g. \u0000 in jsonb
        || ex.SqlState.StartsWith("23", StringComparison.Ordinal)   // integrity constraint
        || ex.SqlState == PostgresErrorCodes.DeadlockDetected
        || ex.SqlState.StartsWith("NJ", StringComparison.Ordinal); // raised by a trigger about this row (the cluster's DVR fence)
}
