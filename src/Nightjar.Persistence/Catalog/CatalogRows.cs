using System.Data.Common;

namespace Nightjar.Persistence.Catalog;

/// <summary>The row shapes both engines select, and their mapping; one place, so the engines cannot drift apart.</summary>
internal static class CatalogRows
{
    /// <summary>A segment whose source and stream the query already names (FindAsync, LatestAsync).</summary>
    public const string StreamSegmentColumns = "id, run_id, path, storage_root, start_us, end_us, bytes, gop_index, state";

    /// <summary>Any segment: the source and stream, then <see cref="StreamSegmentColumns"/>.</summary>
    public const string SegmentColumns = $"source, stream, {StreamSegmentColumns}";

    /// <summary>The order every list of segments is returned in (FindAsync, OldestAsync).</summary>
    public static readonly Comparison<CatalogSegment> ByStartThenId = static (a, b) =>
    {
        var byStart = a.Start.CompareTo(b.Start);
        return byStart != 0 ? byStart : a.Id.CompareTo(b.Id);
    };

    public static async Task<IReadOnlyList<CatalogSegment>> ReadSegmentsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var segments = new List<CatalogSegment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            segments.Add(Read(reader, 2, reader.GetString(0), reader.GetString(1)));
        }

        return segments;
    }

    public static async Task<CatalogSegment?> ReadSingleAsync(DbDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken) ? Read(reader, 2, reader.GetString(0), reader.GetString(1)) : null;

    /// <summary>
    /// Rows of <see cref="StreamSegmentColumns"/>: the two names come from the query instead of from every row, which
    /// saves two strings per row (a 7-day window has 10,000 rows).
    /// </summary>
    public static async Task<List<CatalogSegment>> ReadStreamSegmentsAsync(DbDataReader reader, string source, string stream, CancellationToken cancellationToken)
    {
        var segments = new List<CatalogSegment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            segments.Add(Read(reader, 0, source, stream));
        }

        return segments;
    }

    /// <summary>Rows of source, stream, count, byte total, oldest start and newest end.</summary>
    public static async Task<IReadOnlyList<CatalogStreamSummary>> ReadSummariesAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var summaries = new List<CatalogStreamSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new CatalogStreamSummary(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                CatalogTime.FromMicroseconds(reader.GetInt64(4)),
                CatalogTime.FromMicroseconds(reader.GetInt64(5))));
        }

        return summaries;
    }

    private static CatalogSegment Read(DbDataReader reader, int first, string source, string stream) =>
        new(
            reader.GetInt64(first),
            source,
            stream,
            reader.GetString(first + 1),
            reader.GetString(first + 2),
            reader.GetString(first + 3),
            CatalogTime.FromMicroseconds(reader.GetInt64(first + 4)),
            CatalogTime.FromMicroseconds(reader.GetInt64(first + 5)),
            reader.GetInt64(first + 6),
            reader.GetString(first + 7),
            (CatalogSegmentState)reader.GetInt16(first + 8));
}
