namespace Nightjar.Recording.Retention;

/// <summary>One storage root.</summary>
/// <param name="Name">The root's name.</param>
/// <param name="UsedBytes">Bytes of its recorded segments, from the index.</param>
/// <param name="LimitBytes">Its limit in bytes (a percent limit resolved against the filesystem); null when the filesystem cannot be read.</param>
/// <param name="TotalBytes">Size of the filesystem.</param>
/// <param name="FreeBytes">Free space of the filesystem.</param>
/// <param name="LastPassAt">When the last pass finished (refused or not); null before the first.</param>
/// <param name="DeletedBytesByReason">Bytes deleted since the service started, by reason (<c>expired</c>, ...).</param>
/// <param name="EmergencyDeletions">Segments deleted in the emergency order since the service started.</param>
/// <param name="LastRefusal">Why the last pass was refused; null when it was not.</param>
public sealed record RootRetentionReport(
    string Name,
    long UsedBytes,
    long? LimitBytes,
    long TotalBytes,
    long FreeBytes,
    DateTimeOffset? LastPassAt,
    IReadOnlyDictionary<string, long> DeletedBytesByReason,
    long EmergencyDeletions,
    string? LastRefusal);
