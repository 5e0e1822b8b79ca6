using Microsoft.Data.Sqlite;

namespace Nightjar.Persistence.Catalog;

internal sealed partial class SqliteSegmentCatalog
{
    /// <summary>The statements of one apply, each prepared on first use and re-bound for every change of its kind.</summary>
    private sealed class ChangeWriter(SqliteConnection connection, SqliteTransaction transaction, long updatedAt) : IAsyncDisposable
    {
        /// <summary>Takes the stream's next id; an upsert that turns out to update an existing row leaves a gap, which is fine.</summary>
        private const string NextIdSql = """
            INSERT INTO segment_streams (source, stream, last_seq) VALUES ($source, $stream, 1)
            ON CONFLICT (source, stream) DO UPDATE SET last_seq = last_seq + 1
            RETURNING (stream_no << 32) | last_seq
            """;

        private const string UpsertSql = """
            INSERT INTO segments (id, source, stream, run_id, path, storage_root, start_us, end_us, bytes, gop_index, state, updated_at)
            VALUES ($id, $source, $stream, $run, $path, $root, $start, $end, $bytes, $gops, $state, $at)
            ON CONFLICT (path) DO UPDATE SET
                source = excluded.source, stream = excluded.stream, run_id = excluded.run_id,
                storage_root = excluded.storage_root, start_us = excluded.start_us, end_us = excluded.end_us,
                bytes = excluded.bytes, gop_index = excluded.gop_index, state = excluded.state, updated_at = excluded.updated_at
            """;

        private SqliteCommand? _nextId;
        private SqliteCommand? _upsert;
        private SqliteCommand? _setState;
        private SqliteCommand? _remove;

        public async Task ApplyAsync(CatalogChange change, CancellationToken cancellationToken)
        {
            switch (change)
            {
                case CatalogChange.Upsert { Segment: var segment }:
                    _nextId ??= Prepare(NextIdSql, "$source", "$stream");
                    Bind(_nextId, "$source", segment.Source);
                    Bind(_nextId, "$stream", segment.Stream);
                    var id = (long)(await _nextId.ExecuteScalarAsync(cancellationToken))!;
                    _upsert ??= Prepare(UpsertSql, "$id", "$source", "$stream", "$run", "$path", "$root", "$start", "$end", "$bytes", "$gops", "$state", "$at");
                    Bind(_upsert, "$id", id);
                    Bind(_upsert, "$source", segment.Source);
                    Bind(_upsert, "$stream", segment.Stream);
                    Bind(_upsert, "$run", segment.RunId);
                    Bind(_upsert, "$path", segment.Path);
                    Bind(_upsert, "$root", segment.StorageRoot);
                    Bind(_upsert, "$start", CatalogTime.ToMicroseconds(segment.Start));
                    Bind(_upsert, "$end", CatalogTime.ToMicroseconds(segment.End));
                    Bind(_upsert, "$bytes", segment.Bytes);
                    Bind(_upsert, "$gops", segment.GopIndex);
                    Bind(_upsert, "$state", (int)segment.State);
                    Bind(_upsert, "$at", updatedAt);
                    await _upsert.ExecuteNonQueryAsync(cancellationToken);
                    break;
                case CatalogChange.SetState setState:
                    _setState ??= Prepare("UPDATE segments SET state = $state, updated_at = $at WHERE path = $path", "$state", "$at", "$path");
                    Bind(_setState, "$state", (int)setState.State);
                    Bind(_setState, "$at", updatedAt);
                    Bind(_setState, "$path", setState.Path);
                    await _setState.ExecuteNonQueryAsync(cancellationToken);
                    break;
                case CatalogChange.Remove remove:
                    _remove ??= Prepare("DELETE FROM segments WHERE path = $path", "$path");
                    Bind(_remove, "$path", remove.Path);
                    await _remove.ExecuteNonQueryAsync(cancellationToken);
                    break;
                default:
                    throw new ArgumentException($"Unknown catalog change {change.GetType().Name}.", nameof(change));
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in new[] { _nextId, _upsert, _setState, _remove })
            {
                if (command is not null)
                {
                    await command.DisposeAsync();
                }
            }
        }

        private static void Bind(SqliteCommand command, string name, object value) => command.Parameters[name].Value = value;

        private SqliteCommand Prepare(string sql, params string[] parameterNames)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            return command;
        }
    }
}
