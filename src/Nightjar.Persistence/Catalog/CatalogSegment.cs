namespace Nightjar.Persistence.Catalog;

/// <summary>One recording file as the catalog knows it.</summary>
/// <param name="Id">Catalog-assigned id, stable for the life of the row (used in chunk URLs).</param>
/// <param name="Source">What is recorded (a camera id in the domain).</param>
/// <param name="Stream">Which feed of the source (<c>main</c>, <c>sub</c>).</param>
/// <param name="RunId">The ingest run the file belongs to; a change of run is an HLS discontinuity.</param>
/// <param name="Path">Path relative to the storage root, forward slashes; unique.</param>
/// <param name="StorageRoot">Name or index of the storage root holding the file.</param>
/// <param name="Start">Wall-clock time of the first frame (UTC).</param>
/// <param name="End">Wall-clock time just after the last frame (UTC).</param>
/// <param name="Bytes">File size once closed.</param>
/// <param name="GopIndex">The domain's compact GOP index (opaque text to the catalog).</param>
/// <param name="State">Recorded, lost (index entry without a file) or garbage (being deleted).</param>
public sealed record CatalogSegment(
    long Id,
    string Source,
    string Stream,
    string RunId,
    string Path,
    string StorageRoot,
    DateTimeOffset Start,
    DateTimeOffset End,
    long Bytes,
    string GopIndex,
    CatalogSegmentState State);
