using Microsoft.Extensions.Logging;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Runtime.Actors;

internal sealed partial class StreamActor
{
    // Source URLs are logged only in their display form (password masked); ffmpeg's errors only redacted.
    [LoggerMessage(EventId = 3050, Level = LogLevel.Information, Message = "Recording {Camera}/{Stream} from {Source}")]
    private static partial void LogRecording(ILogger logger, string camera, string stream, string source);

    [LoggerMessage(EventId = 3051, Level = LogLevel.Information, Message = "{Camera}/{Stream}: run {RunId} started (ffmpeg pid {ProcessId})")]
    private static partial void LogRunStarted(ILogger logger, string camera, string stream, string runId, int processId);

    [LoggerMessage(EventId = 3052, Level = LogLevel.Information, Message = "{Camera}/{Stream}: run {RunId} receives media")]
    private static partial void LogMediaFlows(ILogger logger, string camera, string stream, string runId);

    [LoggerMessage(EventId = 3053, Level = LogLevel.Warning, Message = "{Camera}/{Stream}: run {Run} ended ({Reason}, exit code {ExitCode}), restarting in {DelaySeconds} s; last error: {LastError}")]
    private static partial void LogRunEnded(ILogger logger, string camera, string stream, int run, SourceCloseReason reason, int? exitCode, double delaySeconds, string lastError);

    [LoggerMessage(EventId = 3054, Level = LogLevel.Warning, Message = "{Camera}/{Stream}: run {Run} made no progress for {Seconds:F1} s; stopping it")]
    private static partial void LogStalled(ILogger logger, string camera, string stream, int run, double seconds);

    [LoggerMessage(EventId = 3055, Level = LogLevel.Debug, Message = "Recorded {Path}: {Seconds:F2} s, {Bytes} bytes, {Gops} GOPs")]
    private static partial void LogSegmentRecorded(ILogger logger, string path, double seconds, long bytes, int gops);

    [LoggerMessage(EventId = 3056, Level = LogLevel.Warning, Message = "Dropped {Path}: {Bytes} bytes without a complete keyframe")]
    private static partial void LogEmptyDropped(ILogger logger, string path, long bytes);

    [LoggerMessage(EventId = 3057, Level = LogLevel.Error, Message = "Could not index {Path}; it stays on disk for the start-up reconciliation")]
    private static partial void LogIndexFailed(ILogger logger, string path, Exception error);

    [LoggerMessage(EventId = 3058, Level = LogLevel.Warning, Message = "{Camera}/{Stream}: restarting run {RunId}: {Reason}")]
    private static partial void LogRestartRequested(ILogger logger, string camera, string stream, string runId, string reason);

    [LoggerMessage(EventId = 3059, Level = LogLevel.Debug, Message = "{Camera}/{Stream}: run {RunId} anchored at {Anchor:O}")]
    private static partial void LogAnchored(ILogger logger, string camera, string stream, string runId, DateTimeOffset anchor);

    [LoggerMessage(EventId = 3060, Level = LogLevel.Warning, Message = "{Camera}/{Stream}: run {RunId} drifted {DriftMs:F0} ms from the receipt clock; re-anchored")]
    private static partial void LogReanchored(ILogger logger, string camera, string stream, string runId, double driftMs);

    [LoggerMessage(EventId = 3061, Level = LogLevel.Warning, Message = "Could not tail {Path}")]
    private static partial void LogTailFailed(ILogger logger, string path, Exception error);

    [LoggerMessage(EventId = 3062, Level = LogLevel.Error, Message = "{Camera}/{Stream}: could not record the end of run {RunId}; the next start adopts its files")]
    private static partial void LogFinishFailed(ILogger logger, string camera, string stream, string runId, Exception error);

    [LoggerMessage(EventId = 3063, Level = LogLevel.Warning, Message = "{Camera}/{Stream}: journaled {Count} leftover files of earlier runs")]
    private static partial void LogAdopted(ILogger logger, string camera, string stream, int count);

    [LoggerMessage(EventId = 3064, Level = LogLevel.Error, Message = "{Camera}/{Stream}: could not check earlier runs for leftover files")]
    private static partial void LogAdoptionFailed(ILogger logger, string camera, string stream, Exception error);

    [LoggerMessage(EventId = 3066, Level = LogLevel.Warning, Message = "{Camera}/{Stream}: run {RunId} was never closed (crash); journaled its end")]
    private static partial void LogCrashedRunClosed(ILogger logger, string camera, string stream, string runId);

    [LoggerMessage(EventId = 3065, Level = LogLevel.Information, Message = "{Camera}/{Stream}: stopped")]
    private static partial void LogStopped(ILogger logger, string camera, string stream);

    [LoggerMessage(EventId = 3067, Level = LogLevel.Warning, Message = "{Camera}/{Stream}: left {Count} files on disk unindexed: they were written while another node owned the camera")]
    private static partial void LogOrphansLeft(ILogger logger, string camera, string stream, int count);
}
