using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Runtime.Recovery;

internal sealed partial class CatalogProjector
{
    [LoggerMessage(EventId = 3140, Level = LogLevel.Error, Message = "The segment catalog projection failed; retrying from its stored offset")]
    private static partial void LogProjectionFailed(ILogger logger, Exception error);
}
