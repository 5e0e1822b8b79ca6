using Npgsql;

namespace Nightjar.Persistence.Catalog;

internal sealed partial class PostgresSegmentCatalog
{
    private const string SelectSegments = $"SELECT {CatalogRows.SegmentColumns} FROM segments";

    /// <summary>
    /// The start range is what the indexes serve; the other conditions filter inside it. No ORDER BY: one stream's
    /// rows are interleaved with every other stream's on disk, so PostgreSQL prefers a bitmap heap scan and would then
    /// sort rows that carry their GOP index (a 7-day window is about 4 MB, past the default work_mem: the sort spills
    /// to disk). Sorting the finished list here costs about a millisecond.
    /// </summary>
    public async Task<IReadOnlyList<CatalogSegment>> FindAsync(CatalogWindow window, CancellationToken cancellationToken)
    {
        var segments = await ReadAsync(
            $"""
            SELECT {CatalogRows.StreamSegmentColumns} FROM segments
             WHERE source = $1 AND stream = $2
               AND start_us >= $3 AND start_us < $5
               AND (end_us > $4 OR start_us >= $4)
               AND ($6 OR state = 0)
            """,
            [Text(window.Source), Text(window.Stream), Int64(window.EarliestStartUs), Int64(window.FromUs), Int64(window.ToUs), new NpgsqlParameter<bool> { TypedValue = window.IncludeAllStates }],
            (reader, ct) => CatalogRows.ReadStreamSegmentsAsync(reader, window.Source, window.Stream, ct),
            cancellationToken);
        segments.Sort(CatalogRows.ByStartThenId);
        return segments;
    }

    public Task<CatalogSegment?> GetAsync(long id, CancellationToken cancellationToken) =>
        ReadAsync($"{SelectSegments} WHERE id = $1", [Int64(id)], CatalogRows.ReadSingleAsync, cancellationToken);

    public Task<CatalogSegment?> GetByPathAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync($"{SelectSegments} WHERE path = $1", [Text(path)], CatalogRows.ReadSingleAsync, cancellationToken);

    public async Task<IReadOnlyList<CatalogSegment>> LatestAsync(string source, string stream, string? storageRoot, int count, CancellationToken cancellationToken) =>
        await ReadAsync(
            $"""
            SELECT {CatalogRows.StreamSegmentColumns} FROM segments
             WHERE source = $1 AND stream = $2 AND state = 0 {(storageRoot is null ? "" : "AND storage_root = $4")}
             ORDER BY start_us DESC, id DESC LIMIT $3
            """,
            storageRoot is null ? [Text(source), Text(stream), Int64(count)] : [Text(source), Text(stream), Int64(count), Text(storageRoot)],
            (reader, ct) => CatalogRows.ReadStreamSegmentsAsync(reader, source, stream, ct),
            cancellationToken);

    public Task<IReadOnlyList<CatalogStreamSummary>> SummarizeAsync(string? source, string? storageRoot, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>();
        var sourceClause = source is null ? "" : $"AND source = {Next(parameters, Text(source))}";
        var rootClause = storageRoot is null ? "" : $"AND storage_root = {Next(parameters, Text(storageRoot))}";
        return ReadAsync(
            // sum(bigint) is numeric on PostgreSQL; a catalog's byte total fits a bigint by far.
            $"""
            SELECT source, stream, count(*), sum(bytes)::bigint, min(start_us), max(end_us) FROM segments
             WHERE state = 0 {sourceClause} {rootClause}
             GROUP BY source, stream ORDER BY source, stream
            """,
            parameters,
            CatalogRows.ReadSummariesAsync,
            cancellationToken);
    }

    public Task<IReadOnlyList<CatalogSegment>> OldestAsync(string? source, string? storageRoot, long? endingBeforeUs, CatalogCursor? after, int limit, CancellationToken cancellationToken)
    {
        // Only the clauses in use, so each variant gets a plain index range. A segment ending by the bound also starts
        // by it, which bounds the index walk when little is old enough.
        var parameters = new List<NpgsqlParameter>();
        var sourceClause = source is null ? "" : $"AND source = {Next(parameters, Text(source))}";
        var rootClause = storageRoot is null ? "" : $"AND storage_root = {Next(parameters, Text(storageRoot))}";
        var beforeClause = "";
        if (endingBeforeUs is { } before)
        {
            var bound = Next(parameters, Int64(before));
            beforeClause = $"AND start_us <= {bound} AND end_us <= {bound}";
        }

        var afterClause = after is { } cursor ? $"AND (start_us, id) > ({Next(parameters, Int64(cursor.StartUs))}, {Next(parameters, Int64(cursor.Id))})" : "";
        var limitParameter = Next(parameters, Int64(limit));
        return ReadAsync(
            $"""
            {SelectSegments}
             WHERE state = 0 {sourceClause} {rootClause} {beforeClause} {afterClause}
             ORDER BY start_us, id LIMIT {limitParameter}
            """,
            parameters,
            CatalogRows.ReadSegmentsAsync,
            cancellationToken);
    }

    public Task<IReadOnlyList<CatalogSegment>> InStateAsync(CatalogSegmentState state, string? storageRoot, CatalogCursor? after, int limit, CancellationToken cancellationToken)
    {
        List<NpgsqlParameter> parameters = [new NpgsqlParameter<short> { TypedValue = (short)state }, Int64(limit)];
        var afterClause = after is { } cursor ? $"AND (start_us, id) > ({Next(parameters, Int64(cursor.StartUs))}, {Next(parameters, Int64(cursor.Id))})" : "";
        var rootClause = storageRoot is null ? "" : $"AND storage_root = {Next(parameters, Text(storageRoot))}";
        return ReadAsync(
            $"""
            {SelectSegments}
             WHERE state = $1 {rootClause} {afterClause}
             ORDER BY start_us, id LIMIT $2
            """,
            parameters,
            CatalogRows.ReadSegmentsAsync,
            cancellationToken);
    }

    /// <summary>Adds a positional parameter and returns its placeholder.</summary>
    private static string Next(List<NpgsqlParameter> parameters, NpgsqlParameter parameter)
    {
        parameters.Add(parameter);
        return $"${parameters.Count}";
    }

    private async Task<T> ReadAsync<T>(string sql, IReadOnlyList<NpgsqlParameter> parameters, Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await read(reader, cancellationToken);
    }
}
