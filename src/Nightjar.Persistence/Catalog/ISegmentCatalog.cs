namespace Nightjar.Persistence.Catalog;

/// <summary>
/// The segments read model: one row per recording file, queried by source, stream and time range for playback,
/// the timeline and retention. It is a projection of the journal's segment events, so it can always be rebuilt;
/// writers apply changes together with the journal offset they have seen (<see cref="ApplyAsync"/>), which makes
/// replaying the same events after a crash harmless. Same database as the journal (SQLite or PostgreSQL).
/// </summary>
/// <remarks>
/// The catalog knows recordings, not cameras: a "source" is whatever the domain records (a camera id), a
/// "stream" one of its feeds. Times are UTC; the query windows are half-open <c>[from, to)</c> and a segment is
/// returned when it overlaps the window.
/// </remarks>
public interface ISegmentCatalog
{
    /// <summary>Creates or upgrades the catalog's tables (its own component in <c>schema_migrations</c>), under the same lock as the journal.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies changes in one transaction and, when <paramref name="projection"/> is given, stores its new offset in
    /// the same transaction. Upserts are idempotent by <see cref="CatalogSegment.Path"/>.
    /// </summary>
    /// <remarks>
    /// A stored offset never moves backwards. A checkpoint behind the stored one means another writer of the same
    /// projection has already applied later events; its changes are then skipped along with the offset (logged, and
    /// counted as <c>stale</c>), because re-applying an older batch after a newer one would undo the newer one (an old
    /// upsert resurrecting a removed row). A checkpoint equal to the stored one is applied (replaying the last batch
    /// is harmless). Pass no checkpoint for changes that do not come from the journal feed.
    /// </remarks>
    /// <exception cref="ArgumentException">A change is invalid (empty or unsafe path, end before start, longer than
    /// <see cref="SegmentCatalogOptions.MaxSegmentDuration"/>, ...); nothing of the batch is stored.</exception>
    Task ApplyAsync(IReadOnlyList<CatalogChange> changes, ProjectionCheckpoint? projection, CancellationToken cancellationToken);

    /// <summary>The stored offset of a projection, or <see cref="JournalOffset.Start"/> when it has none.</summary>
    Task<JournalOffset> GetProjectionOffsetAsync(string projection, CancellationToken cancellationToken);

    /// <summary>Segments of one stream overlapping <c>[from, to)</c>, ordered by start; lost and deleted ones excluded unless asked.</summary>
    /// <remarks>
    /// Overlapping means <c>Start &lt; to</c> and <c>End &gt; from</c> (a zero-length segment: <c>from &lt;= Start &lt; to</c>);
    /// ties on start are ordered by id. <paramref name="includeLost"/> adds both <see cref="CatalogSegmentState.Lost"/>
    /// and <see cref="CatalogSegmentState.Garbage"/> rows (their <see cref="CatalogSegment.State"/> tells them apart).
    /// The query looks back at most <see cref="SegmentCatalogOptions.MaxSegmentDuration"/> before <paramref name="from"/>
    /// for a segment reaching into the window, which ApplyAsync guarantees by refusing longer segments.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>, or a name is empty.</exception>
    Task<IReadOnlyList<CatalogSegment>> FindAsync(string source, string stream, DateTimeOffset from, DateTimeOffset to, bool includeLost, CancellationToken cancellationToken);

    /// <summary>The segment with this id, or null.</summary>
    Task<CatalogSegment?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The segment stored at this relative path, or null.</summary>
    Task<CatalogSegment?> GetByPathAsync(string path, CancellationToken cancellationToken);

    /// <summary>The newest recorded segments of one stream (newest first), for the live edge and previews.</summary>
    Task<IReadOnlyList<CatalogSegment>> LatestAsync(string source, string stream, int count, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="LatestAsync(string, string, int, CancellationToken)"/> limited to the rows whose
    /// <see cref="CatalogSegment.StorageRoot"/> is <paramref name="storageRoot"/> (null: every root): a node of a cluster
    /// checks only the files on its own disk.
    /// </summary>
    Task<IReadOnlyList<CatalogSegment>> LatestAsync(string source, string stream, string? storageRoot, int count, CancellationToken cancellationToken);

    /// <summary>Count, bytes, oldest start and newest end per source and stream (recorded segments only), for retention and status.</summary>
    Task<IReadOnlyList<CatalogStreamSummary>> SummarizeAsync(string? source, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="SummarizeAsync(string?, CancellationToken)"/> of the rows in one storage root (null: every root), for
    /// the retention of one node's disk.
    /// </summary>
    Task<IReadOnlyList<CatalogStreamSummary>> SummarizeAsync(string? source, string? storageRoot, CancellationToken cancellationToken);

    /// <summary>Recorded segments of a source oldest first, paged by id, for retention passes (never loads a whole archive at once).</summary>
    /// <remarks>
    /// Ordered by start, then id. <paramref name="endingBefore"/> keeps segments with <c>End &lt;= endingBefore</c>
    /// (wholly before it). The first page of
    /// <see cref="OldestAsync(string?, DateTimeOffset?, CatalogSegment?, int, CancellationToken)"/>.
    /// </remarks>
    Task<IReadOnlyList<CatalogSegment>> OldestAsync(string? source, DateTimeOffset? endingBefore, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The page of <see cref="OldestAsync(string?, DateTimeOffset?, int, CancellationToken)"/> that follows
    /// <paramref name="after"/> (the last segment of the previous page; null for the first page): a retention pass
    /// that keeps some segments (motion, evidence locks) still moves on, even when rows are removed meanwhile.
    /// </summary>
    Task<IReadOnlyList<CatalogSegment>> OldestAsync(string? source, DateTimeOffset? endingBefore, CatalogSegment? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="OldestAsync(string?, DateTimeOffset?, CatalogSegment?, int, CancellationToken)"/> of the rows in one
    /// storage root (null: every root): a page holds only that root's rows, so a node's retention never pages through
    /// the other nodes' archives.
    /// </summary>
    Task<IReadOnlyList<CatalogSegment>> OldestAsync(string? source, string? storageRoot, DateTimeOffset? endingBefore, CatalogSegment? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Rows of every source in <paramref name="state"/>, oldest first (start, then id), paged after
    /// <paramref name="after"/> like <see cref="OldestAsync(string?, DateTimeOffset?, CatalogSegment?, int, CancellationToken)"/>:
    /// the <see cref="CatalogSegmentState.Garbage"/> rows whose deletion a crash interrupted, which retention finishes
    /// at start.
    /// </summary>
    Task<IReadOnlyList<CatalogSegment>> InStateAsync(CatalogSegmentState state, CatalogSegment? after, int limit, CancellationToken cancellationToken);

    /// <summary><see cref="InStateAsync(CatalogSegmentState, CatalogSegment?, int, CancellationToken)"/> of one storage root (null: every root).</summary>
    Task<IReadOnlyList<CatalogSegment>> InStateAsync(CatalogSegmentState state, string? storageRoot, CatalogSegment? after, int limit, CancellationToken cancellationToken);
}
