using Microsoft.Extensions.Logging;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Runtime.Recovery;

internal sealed partial class StreamRecovery
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Adopted {Path} left unrecorded (crash or unjournaled close): cut {TruncatedBytes} bytes of a partial packet, {Seconds:F1} s in {Gops} GOPs")]
    private static partial void LogAdopted(ILogger logger, string path, long truncatedBytes, double seconds, int gops);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Removed {Path}: {Bytes} bytes without a complete keyframe, nothing playable")]
    private static partial void LogEmptyRemoved(ILogger logger, string path, long bytes);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "{Path} is not MPEG-TS ({Reason}); kept as .corrupt and reported lost")]
    private static partial void LogCorrupt(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Cannot read {Path}; it stays on disk and is retried at the next start")]
    private static partial void LogUnreadable(ILogger logger, string path, Exception error);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "Indexed segment {Path} is {Reason}; marking it lost")]
    private static partial void LogMissing(ILogger logger, string path, SegmentLossReason reason);
}
