using Microsoft.Extensions.Logging;

namespace Nightjar.Persistence.GroupCommit;

internal sealed partial class GroupCommitWriter
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2110, Level = LogLevel.Error, Message = "Journal batch of {Appends} appends failed; every append in it reports the error")]
        public static partial void BatchFailed(ILogger logger, int appends, Exception exception);

        [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Journal after-commit hook failed")]
        public static partial void AfterCommitHookFailed(ILogger logger, Exception exception);
    }
}
