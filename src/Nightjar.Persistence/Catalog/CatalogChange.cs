namespace Nightjar.Persistence.Catalog;

/// <summary>A change to the catalog; applied in order inside one transaction.</summary>
public abstract record CatalogChange
{
    private protected CatalogChange()
    {
    }

    /// <summary>Inserts the segment, or updates the row with the same path (the id of <paramref name="Segment"/> is ignored).</summary>
    public sealed record Upsert(CatalogSegment Segment) : CatalogChange;

    /// <summary>Sets the state of the row at <paramref name="Path"/>; a missing row is not an error (replays are harmless).</summary>
    public sealed record SetState(string Path, CatalogSegmentState State) : CatalogChange;

    /// <summary>Removes the row at <paramref name="Path"/>; a missing row is not an error.</summary>
    public sealed record Remove(string Path) : CatalogChange;
}
