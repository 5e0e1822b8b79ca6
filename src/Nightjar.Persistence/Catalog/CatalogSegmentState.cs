namespace Nightjar.Persistence.Catalog;

/// <summary>Life of a catalog row. Deletion goes through <see cref="Garbage"/> first (mark, unlink, fsync, remove row).</summary>
public enum CatalogSegmentState
{
    Recorded = 0,
    Lost = 1,
    Garbage = 2,
}
