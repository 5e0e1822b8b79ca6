using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Retention;

internal sealed partial class RetentionExecutor
{
    [LoggerMessage(EventId = 3410, Level = LogLevel.Warning, Message = "Retention of root {Root} finished {Count} deletions a crash or a failed unlink had interrupted")]
    private static partial void LogInterruptedFinished(ILogger logger, string root, int count);

    [LoggerMessage(EventId = 3411, Level = LogLevel.Error, Message = "Retention of root {Root} could not unlink {Path}; it stays garbage and is retried")]
    private static partial void LogUnlinkFailed(ILogger logger, string root, string path, Exception error);

    [LoggerMessage(EventId = 3412, Level = LogLevel.Warning, Message = "Retention of root {Root} removes the index row {Path}, which names no file under the root")]
    private static partial void LogUnsafePath(ILogger logger, string root, string path);
}
