using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Retention;

public sealed partial class RetentionService
{
    [LoggerMessage(EventId = 3420, Level = LogLevel.Information, Message = "Retention started for {Roots} storage roots, a pass every {PassInterval}")]
    private static partial void LogStarted(ILogger logger, int roots, TimeSpan passInterval);
}
