using Nightjar.Recording.Events;
using Nightjar.Recording.Retention;

namespace Nightjar.Server.Retention;

/// <summary>One storage root in <see cref="RetentionResponse"/>.</summary>
/// <param name="Name">The root's name: its index in <c>Storage:Roots</c> (<c>0</c>).</param>
/// <param name="UsedBytes">Bytes of its recordings, from the index.</param>
/// <param name="LimitBytes">Its limit in bytes (a percentage resolved against the filesystem); null when the filesystem cannot be read.</param>
/// <param name="TotalBytes">Size of its filesystem.</param>
/// <param name="FreeBytes">Free space of its filesystem.</param>
/// <param name="LastPassAt">When the last pass over it finished; null before the first.</param>
/// <param name="DeletedBytesByReason">Bytes deleted since the node started, by reason; every reason is listed, zero included.</param>
/// <param name="EmergencyDeletions">Segments deleted because the disk was about to fill, since the node started.</param>
/// <param name="LastRefusal">Why the last pass refused to delete (index missing, or it would remove most of the root); null when it did not.</param>
internal sealed record RetentionRootResponse(
    string Name,
    long UsedBytes,
    long? LimitBytes,
    long TotalBytes,
    long FreeBytes,
    DateTimeOffset? LastPassAt,
    IReadOnlyDictionary<string, long> DeletedBytesByReason,
    long EmergencyDeletions,
    string? LastRefusal)
{
    /// <summary>The reasons' names as journaled (<c>expired</c>, <c>camera_space</c>, <c>root_limit</c>, <c>emergency</c>).</summary>
    public static readonly IReadOnlyList<string> Reasons = [.. Enum.GetValues<SegmentDeletionReason>().Select(ReasonName)];

    public static RetentionRootResponse From(RootRetentionReport root)
    {
        ArgumentNullException.ThrowIfNull(root);
        // Every reason present, so a dashboard or a script reads a zero instead of a missing key.
        var byReason = Reasons.ToDictionary(r => r, r => root.DeletedBytesByReason.GetValueOrDefault(r), StringComparer.Ordinal);
        foreach (var (reason, bytes) in root.DeletedBytesByReason)
        {
            byReason[reason] = bytes;
        }

        return new RetentionRootResponse(
            root.Name, root.UsedBytes, root.LimitBytes, root.TotalBytes, root.FreeBytes, root.LastPassAt, byReason, root.EmergencyDeletions, root.LastRefusal);
    }

    private static string ReasonName(SegmentDeletionReason reason) =>
        System.Text.Json.JsonSerializer.Serialize(reason).Trim('"');
}
