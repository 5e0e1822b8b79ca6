namespace Nightjar.Server.Playback;

/// <summary>The log lines of both export formats (EventIds 1500-1519).</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = PlaybackEventIds.ExportStarted, Level = LogLevel.Information,
        Message = "Export {Format} of {StreamPath} started: {Chunks} chunks, {Bytes} bytes of recordings")]
    public static partial void Started(ILogger logger, string format, string streamPath, int chunks, long bytes);

    [LoggerMessage(EventId = PlaybackEventIds.ExportCompleted, Level = LogLevel.Information,
        Message = "Export {Format} of {StreamPath} completed: {Bytes} bytes sent")]
    public static partial void Completed(ILogger logger, string format, string streamPath, long bytes);

    [LoggerMessage(EventId = PlaybackEventIds.ExportFailed, Level = LogLevel.Error,
        Message = "Export {Format} of {StreamPath} failed: ffmpeg exited with {ExitCode}: {Stderr}")]
    public static partial void Failed(ILogger logger, string format, string streamPath, int exitCode, string stderr);

    [LoggerMessage(EventId = PlaybackEventIds.ExportRejectedBusy, Level = LogLevel.Warning,
        Message = "Export {Format} of {StreamPath} refused: all {Slots} export slots are busy")]
    public static partial void RejectedBusy(ILogger logger, string format, string streamPath, int slots);

    [LoggerMessage(EventId = PlaybackEventIds.ExportAborted, Level = LogLevel.Information,
        Message = "Export {Format} of {StreamPath} aborted by the client")]
    public static partial void Aborted(ILogger logger, string format, string streamPath);

    [LoggerMessage(EventId = PlaybackEventIds.ExportFileVanished, Level = LogLevel.Warning,
        Message = "Export {Format} of {StreamPath} cut short: a recording file could not be read to its indexed end ({Reason})")]
    public static partial void FileVanished(ILogger logger, string format, string streamPath, string reason);
}
