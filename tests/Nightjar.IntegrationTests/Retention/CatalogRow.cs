namespace Nightjar.IntegrationTests.Retention;

/// <summary>
/// One row of the node's segment catalog, read straight from its database: the camera, the path relative to the
/// storage root, the recorded range, the size, and the state (0 recorded, 1 lost, 2 garbage: being deleted).
/// </summary>
internal sealed record CatalogRow(string Camera, string Path, DateTimeOffset Start, DateTimeOffset End, long Bytes, int State)
{
    public const int Recorded = 0;
    public const int Garbage = 2;

    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => Start < to && End > from;
}
