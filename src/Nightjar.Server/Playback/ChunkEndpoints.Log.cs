namespace Nightjar.Server.Playback;

internal static partial class ChunkEndpoints
{
    [LoggerMessage(EventId = PlaybackEventIds.ChunkFileMissing, Level = LogLevel.Warning,
        Message = "The archive resolved segment {SegmentKey} of {StreamPath} but its file cannot be opened ({Reason})")]
    private static partial void LogChunkFileMissing(ILogger logger, string streamPath, string segmentKey, string reason);
}
