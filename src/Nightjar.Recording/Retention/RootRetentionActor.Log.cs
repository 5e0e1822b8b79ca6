using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Retention;

internal sealed partial class RootRetentionActor
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Retention pass of root {Root}: deleted {Deleted} segments, {Bytes} bytes (expired {Expired}, camera space {CameraSpace}, root limit {RootLimit}, emergency {Emergency}); bounded {Bounded}")]
    private static partial void LogPassCompleted(ILogger logger, string root, int deleted, long bytes, int expired, int cameraSpace, int rootLimit, int emergency, bool bounded);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Error, Message = "Retention refused a pass of root {Root}: {Reason}")]
    private static partial void LogPassRefused(ILogger logger, string root, string reason, Exception? error);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Retention of root {Root} deleted {Count} segments ({Bytes} bytes) in the emergency order, {Locked} of them evidence-locked")]
    private static partial void LogEmergency(ILogger logger, string root, int count, long bytes, int locked);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Critical, Message = "Free space of root {Root} stays below {MinFreeBytes} bytes after every deletion retention may do")]
    private static partial void LogDiskFull(ILogger logger, string root, long minFreeBytes);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Information, Message = "Free space of root {Root} fell to {FreeBytes} bytes, below the low-water mark of {LowWaterMark}: a pass runs now")]
    private static partial void LogLowWater(ILogger logger, string root, long freeBytes, long lowWaterMark);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Error, Message = "Retention pass of root {Root} failed; the next one runs on schedule")]
    private static partial void LogPassFailed(ILogger logger, string root, Exception error);

    [LoggerMessage(EventId = 3406, Level = LogLevel.Warning, Message = "Free space of root {Root} cannot be read")]
    private static partial void LogProbeFailed(ILogger logger, string root, Exception error);

    [LoggerMessage(EventId = 3407, Level = LogLevel.Error, Message = "A storage alarm of root {Root} could not be journaled")]
    private static partial void LogAlarmFailed(ILogger logger, string root, Exception error);
}
