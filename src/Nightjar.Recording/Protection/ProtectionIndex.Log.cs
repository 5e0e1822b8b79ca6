using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Protection;

public sealed partial class ProtectionIndex
{
    [LoggerMessage(EventId = 3650, Level = LogLevel.Debug, Message = "Protection index applied {Count} events (feed offset {Offset})")]
    private static partial void LogCaughtUp(ILogger logger, int count, Nightjar.Persistence.JournalOffset offset);
}
