using Microsoft.Data.Sqlite;
using Nightjar.Persistence.GroupCommit;

namespace Nightjar.Persistence.Sqlite;

/// <summary>
/// The group-commit writer's own connection with its statements prepared once. One batch is one
/// <c>BEGIN IMMEDIATE</c> transaction; each append runs inside a savepoint so a conflicting one is undone alone.
/// Microsoft.Data.Sqlite's async methods complete synchronously anyway, so this runs synchronously on the writer loop.
/// </summary>
internal sealed class SqliteAppendWriter : IAsyncDisposable
{
    private const int SqliteConstraint = 19;
    private const string Savepoint = "append";

    private readonly SqliteConnection _connection;
    private readonly string _writerId;
    private readonly SqliteCommand _createStream;
    private readonly SqliteCommand _advanceStream;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertTag;
    private readonly SqliteCommand _readHighest;

    private SqliteAppendWriter(SqliteConnection connection, Guid writerId)
    {
        _connection = connection;
        _writerId = writerId.ToString("D");
        _createStream = Prepare("INSERT INTO event_stream (persistence_id, highest_sequence_nr) VALUES ($pid, $highest) ON CONFLICT (persistence_id) DO NOTHING",
            "$pid", "$highest");
        _advanceStream = Prepare("UPDATE event_stream SET highest_sequence_nr = $highest WHERE persistence_id = $pid AND highest_sequence_nr = $expected",
            "$pid", "$highest", "$expected");
        _insertEvent = Prepare("""
            INSERT INTO event_journal (persistence_id, sequence_nr, event_type, payload, writer_uuid, created_at)
            VALUES ($pid, $seq, $type, $payload, $writer, $at) RETURNING ordering
            """, "$pid", "$seq", "$type", "$payload", "$writer", "$at");
        _insertTag = Prepare("INSERT INTO event_tag (tag, ordering, persistence_id, sequence_nr) VALUES ($tag, $ordering, $pid, $seq)",
            "$tag", "$ordering", "$pid", "$seq");
        _readHighest = Prepare("SELECT highest_sequence_nr FROM event_stream WHERE persistence_id = $pid", "$pid");
    }

    public static async Task<SqliteAppendWriter> OpenAsync(SqliteConnections connections, Guid writerId, CancellationToken cancellationToken) =>
        new(await connections.OpenAsync(cancellationToken), writerId);

    public void Write(IReadOnlyList<PendingAppend> batch, DateTimeOffset writtenAt)
    {
        var at = SqliteTime.ToMicroseconds(writtenAt);
        using var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var command in new[] { _createStream, _advanceStream, _insertEvent, _insertTag, _readHighest })
        {
            command.Transaction = transaction;
        }

        var conflicted = new List<PendingAppend>();
        foreach (var append in batch)
        {
            append.Reset();
            transaction.Save(Savepoint);
            try
            {
                if (TryWrite(append, at, out var lastOrdering))
                {
                    append.MarkWritten(new JournalOffset(0, lastOrdering));
                }
                else
                {
                    conflicted.Add(append);
                }

                transaction.Release(Savepoint);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
            {
                // Defence in depth: the unique (persistence_id, sequence_nr) key caught a writer the gate missed.
                transaction.Rollback(Savepoint);
                transaction.Release(Savepoint);
                conflicted.Add(append);
            }
        }

        // Like PostgreSQL: a conflict names the highest number as this batch leaves it.
        foreach (var append in conflicted)
        {
            append.MarkConflict(ReadHighest(append.PersistenceId));
        }

        transaction.Commit();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _createStream, _advanceStream, _insertEvent, _insertTag, _readHighest })
        {
            await command.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private bool TryWrite(PendingAppend append, long at, out long lastOrdering)
    {
        lastOrdering = 0;
        var gate = append.ExpectedSequenceNr == 0 ? _createStream : _advanceStream;
        gate.Parameters["$pid"].Value = append.PersistenceId;
        gate.Parameters["$highest"].Value = append.HighestSequenceNr;
        if (gate == _advanceStream)
        {
            gate.Parameters["$expected"].Value = append.ExpectedSequenceNr;
        }

        if (gate.ExecuteNonQuery() != 1)
        {
            return false;
        }

        for (var i = 0; i < append.Events.Count; i++)
        {
            var item = append.Events[i];
            var sequenceNr = append.ExpectedSequenceNr + i + 1;
            _insertEvent.Parameters["$pid"].Value = append.PersistenceId;
            _insertEvent.Parameters["$seq"].Value = sequenceNr;
            _insertEvent.Parameters["$type"].Value = item.EventType;
            _insertEvent.Parameters["$payload"].Value = item.Payload;
            _insertEvent.Parameters["$writer"].Value = _writerId;
            _insertEvent.Parameters["$at"].Value = at;
            lastOrdering = (long)_insertEvent.ExecuteScalar()!;
            foreach (var tag in item.Tags)
            {
                _insertTag.Parameters["$tag"].Value = tag;
                _insertTag.Parameters["$ordering"].Value = lastOrdering;
                _insertTag.Parameters["$pid"].Value = append.PersistenceId;
                _insertTag.Parameters["$seq"].Value = sequenceNr;
                _insertTag.ExecuteNonQuery();
            }
        }

        return true;
    }

    private long ReadHighest(string persistenceId)
    {
        _readHighest.Parameters["$pid"].Value = persistenceId;
        return _readHighest.ExecuteScalar() is long highest ? highest : 0;
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
