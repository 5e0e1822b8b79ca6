using System.Data.Common;

namespace Nightjar.Persistence.Catalog;

/// <summary>The row shape both engines select, and its mapping; one place, so the engines cannot drift apart.</summary>
internal static class CatalogRows
{
    public const string SegmentColumns = "id, source, stream, run_id, path, storage_root, start_us, end_us, bytes, gop_index, state";

    public const string SummaryColumns = "source, stream, count(*), sum(bytes), min(start_us), max(end_us)";

    public static CatalogSegment ReadSegment(DbDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            CatalogTime.FromMicroseconds(reader.GetInt64(6)),
            CatalogTime.FromMicroseconds(reader.GetInt64(7)),
            reader.GetInt64(8),
            reader.GetString(9),
            (CatalogSegmentState)reader.GetInt16(10));

    public static async Task<IReadOnlyList<CatalogSegment>> ReadSegmentsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var segments = new List<CatalogSegment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            segments.Add(ReadSegment(reader));
        }

        return segments;
    }

    public static async Task<CatalogSegment?> ReadSingleAsync(DbDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken) ? ReadSegment(reader) : null;

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
}
