namespace Nightjar.Server.Playback;

internal sealed partial class SnapshotService
{
    [LoggerMessage(EventId = PlaybackEventIds.SnapshotCreated, Level = LogLevel.Debug,
        Message = "Snapshot of {StreamPath}: {Bytes} bytes in {ElapsedMs:0} ms")]
    private static partial void LogSnapshotCreated(ILogger logger, string streamPath, int bytes, double elapsedMs);

    [LoggerMessage(EventId = PlaybackEventIds.SnapshotFailed, Level = LogLevel.Warning,
        Message = "Snapshot of {StreamPath} failed: ffmpeg exited with {ExitCode}: {Reason}")]
    private static partial void LogSnapshotFailed(ILogger logger, string streamPath, int exitCode, string reason);

    [LoggerMessage(EventId = PlaybackEventIds.SnapshotRejectedBusy, Level = LogLevel.Warning,
        Message = "Snapshot of {StreamPath} refused: all {Slots} decoders stayed busy")]
    private static partial void LogSnapshotBusy(ILogger logger, string streamPath, int slots);
}
