namespace Nightjar.Server.Playback;

/// <summary>EventIds of the playback endpoints: 1500-1599 of the server's range (see <c>ServerEventIds</c>).</summary>
internal static class PlaybackEventIds
{
    // 1500-1519: exports.
    public const int ExportStarted = 1500;
    public const int ExportCompleted = 1501;
    public const int ExportFailed = 1502;
    public const int ExportRejectedBusy = 1503;
    public const int ExportAborted = 1504;
    public const int ExportFileVanished = 1505;

    // 1520-1539: snapshots.
    public const int SnapshotCreated = 1520;
    public const int SnapshotFailed = 1521;
    public const int SnapshotRejectedBusy = 1522;

    // 1540-1559: chunks.
    public const int ChunkFileMissing = 1540;
}
