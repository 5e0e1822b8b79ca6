using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Runtime.Recovery;

internal sealed partial class RecoveryScanner
{
    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Start-up reconciliation: {Streams} streams checked, {Adopted} files adopted, {Lost} segments lost, {CatalogEvents} journal events projected into the catalog")]
    private static partial void LogFinished(ILogger logger, int streams, int adopted, int lost, int catalogEvents);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Error, Message = "Could not reconcile {Stream}; it is skipped until the next start")]
    private static partial void LogStreamFailed(ILogger logger, string stream, Exception error);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Reconciliation of {Stream} found {Count} events to journal, but another node records the camera now ({Reason}); the files stay and are adopted when this node records it again")]
    private static partial void LogStreamDeferred(ILogger logger, string stream, int count, string reason);
}
