using Microsoft.Data.Sqlite;

namespace Nightjar.Persistence.Catalog;

internal sealed partial class SqliteSegmentCatalog
{
    /// <summary>
    /// The start range is what segments_stream_start serves; the other conditions filter inside it. The index already
    /// yields (start, id) order, and the rows it points at lie together because ids cluster by stream.
    /// </summary>
    internal const string FindSql = $"""
        SELECT {CatalogRows.StreamSegmentColumns} FROM segments
         WHERE source = $source AND stream = $stream
           AND start_us >= $earliest AND start_us < $to
           AND (end_us > $from OR start_us >= $from)
           AND ($all OR state = 0)
         ORDER BY start_us, id
        """;

    /// <summary>See <see cref="SummarizeSql"/> for the "+state".</summary>
    internal const string LatestSql = $"""
        SELECT {CatalogRows.StreamSegmentColumns} FROM segments
         WHERE source = $source AND stream = $stream AND +state = 0
         ORDER BY start_us DESC, id DESC LIMIT $count
        """;

    /// <summary><see cref="LatestSql"/> of one storage root (a node of a cluster).</summary>
    internal const string LatestOfRootSql = $"""
        SELECT {CatalogRows.StreamSegmentColumns} FROM segments
         WHERE source = $source AND stream = $stream AND +state = 0 AND storage_root = $root
         ORDER BY start_us DESC, id DESC LIMIT $count
        """;

    private const string SelectSegments = $"SELECT {CatalogRows.SegmentColumns} FROM segments";

    public async Task<IReadOnlyList<CatalogSegment>> FindAsync(CatalogWindow window, CancellationToken cancellationToken) =>
        await ReadAsync(
            FindSql,
            command =>
            {
                command.Parameters.AddWithValue("$source", window.Source);
                command.Parameters.AddWithValue("$stream", window.Stream);
                command.Parameters.AddWithValue("$earliest", window.EarliestStartUs);
                command.Parameters.AddWithValue("$from", window.FromUs);
                command.Parameters.AddWithValue("$to", window.ToUs);
                command.Parameters.AddWithValue("$all", window.IncludeAllStates);
            },
            (reader, ct) => CatalogRows.ReadStreamSegmentsAsync(reader, window.Source, window.Stream, ct),
            cancellationToken);

    public Task<CatalogSegment?> GetAsync(long id, CancellationToken cancellationToken) =>
        ReadAsync($"{SelectSegments} WHERE id = $id", c => c.Parameters.AddWithValue("$id", id), CatalogRows.ReadSingleAsync, cancellationToken);

    public Task<CatalogSegment?> GetByPathAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync($"{SelectSegments} WHERE path = $path", c => c.Parameters.AddWithValue("$path", path), CatalogRows.ReadSingleAsync, cancellationToken);

    public async Task<IReadOnlyList<CatalogSegment>> LatestAsync(string source, string stream, string? storageRoot, int count, CancellationToken cancellationToken) =>
        await ReadAsync(
            storageRoot is null ? LatestSql : LatestOfRootSql,
            command =>
            {
                command.Parameters.AddWithValue("$source", source);
                command.Parameters.AddWithValue("$stream", stream);
                if (storageRoot is not null)
                {
                    command.Parameters.AddWithValue("$root", storageRoot);
                }

                command.Parameters.AddWithValue("$count", count);
            },
            (reader, ct) => CatalogRows.ReadStreamSegmentsAsync(reader, source, stream, ct),
            cancellationToken);

    public Task<IReadOnlyList<CatalogStreamSummary>> SummarizeAsync(string? source, string? storageRoot, CancellationToken cancellationToken) =>
        ReadAsync(
            SummarizeSql(source is not null, storageRoot is not null),
            command =>
            {
                if (source is not null)
                {
                    command.Parameters.AddWithValue("$source", source);
                }

                if (storageRoot is not null)
                {
                    command.Parameters.AddWithValue("$root", storageRoot);
                }
            },
            CatalogRows.ReadSummariesAsync,
            cancellationToken);

    public Task<IReadOnlyList<CatalogSegment>> OldestAsync(string? source, string? storageRoot, long? endingBeforeUs, CatalogCursor? after, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            // Only the clauses in use, so the planner sees plain index ranges. A segment ending by the bound also
            // starts by it, which bounds the index walk when little is old enough.
            $"""
            {SelectSegments}
             WHERE state = 0
               {(source is null ? "" : "AND source = $source")}
               {(storageRoot is null ? "" : "AND storage_root = $root")}
               {(endingBeforeUs is null ? "" : "AND start_us <= $before AND end_us <= $before")}
               {(after is null ? "" : "AND start_us >= $afterStart AND (start_us > $afterStart OR id > $afterId)")}
             ORDER BY start_us, id LIMIT $limit
            """,
            command =>
            {
                if (source is not null)
                {
                    command.Parameters.AddWithValue("$source", source);
                }

                if (storageRoot is not null)
                {
                    command.Parameters.AddWithValue("$root", storageRoot);
                }

                if (endingBeforeUs is { } before)
                {
                    command.Parameters.AddWithValue("$before", before);
                }

                if (after is { } cursor)
                {
                    command.Parameters.AddWithValue("$afterStart", cursor.StartUs);
                    command.Parameters.AddWithValue("$afterId", cursor.Id);
                }

                command.Parameters.AddWithValue("$limit", limit);
            },
            CatalogRows.ReadSegmentsAsync,
            cancellationToken);

    public Task<IReadOnlyList<CatalogSegment>> InStateAsync(CatalogSegmentState state, string? storageRoot, CatalogCursor? after, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            // segments_state_start serves it (the id is its implicit last key).
            $"""
            {SelectSegments}
             WHERE state = $state
               {(storageRoot is null ? "" : "AND storage_root = $root")}
               {(after is null ? "" : "AND start_us >= $afterStart AND (start_us > $afterStart OR id > $afterId)")}
             ORDER BY start_us, id LIMIT $limit
            """,
            command =>
            {
                command.Parameters.AddWithValue("$state", (int)state);
                if (storageRoot is not null)
                {
                    command.Parameters.AddWithValue("$root", storageRoot);
                }

                if (after is { } cursor)
                {
                    command.Parameters.AddWithValue("$afterStart", cursor.StartUs);
                    command.Parameters.AddWithValue("$afterId", cursor.Id);
                }

                command.Parameters.AddWithValue("$limit", limit);
            },
            CatalogRows.ReadSegmentsAsync,
            cancellationToken);

    /// <summary>
    /// "+state" keeps SQLite from using state as an index key (a unary plus disqualifies a term): without statistics
    /// it would otherwise prefer (source, state, start_us), which walks every stream of the source and reads each row,
    /// over segments_stream_start, which answers from the index alone and in group order. LatestSql does the same.
    /// </summary>
    internal static string SummarizeSql(bool oneSource, bool oneRoot = false) => $"""
        SELECT source, stream, count(*), sum(bytes), min(start_us), max(end_us) FROM segments
         WHERE +state = 0 {(oneSource ? "AND source = $source" : "")} {(oneRoot ? "AND storage_root = $root" : "")}
         GROUP BY source, stream ORDER BY source, stream
        """;

    private async Task<T> ReadAsync<T>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await read(reader, cancellationToken);
    }
}
