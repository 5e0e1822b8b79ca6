namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// One row of the shared segment catalog: the camera (<c>source</c>), the node whose disk holds the file (from
/// <c>storage_root</c> "{nodeId}/{root}"), the path under that root, the recorded range and the state (0 recorded).
/// </summary>
internal sealed record ClusterSegment(
    string Camera, string Stream, string StorageRoot, string Path, DateTimeOffset Start, DateTimeOffset End, long Bytes, int State)
{
    public const int Recorded = 0;

    /// <summary>The node id part of the storage root ("n1/0" → "n1"); the whole root when it names no node.</summary>
    public string Node => StorageRoot.Split('/')[0];

    public TimeSpan Duration => End - Start;

    public override string ToString() => $"{Camera} on {StorageRoot} [{Start:HH:mm:ss.fff}, {End:HH:mm:ss.fff}) {Path}";
}
