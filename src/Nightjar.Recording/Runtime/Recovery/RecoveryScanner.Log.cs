using Microsoft.Extensions.Logging;
using Nightjar.Recording.Runtime.Archive;

namespace Nightjar.Recording.Runtime.Recovery;

internal sealed partial class RecoveryScanner
{
    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Start-up reconciliation: {Streams} streams checked, {Adopted} files adopted, {Lost} segments lost, {CatalogEvents} journal events projected into the catalog")]
    private static partial void LogFinished(ILogger logger, int streams, int adopted, int lost, int catalogEvents);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Error, Message = "Could not reconcile {Stream}; it is skipped until the next start")]
    private static partial void LogStreamFailed(ILogger logger, string stream, Exception error);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Reconciliation of {Stream} found {Count} events, but another node records the camera now ({Reason}); journaling what this node recorded while it owned the camera under its adopted id")]
    private static partial void LogStreamRefused(ILogger logger, string stream, int count, string reason);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Information, Message = "Reconciliation of {Stream} journaled {Count} events under {PersistenceId}")]
    private static partial void LogAdoptedElsewhere(ILogger logger, StreamKey stream, int count, string persistenceId);

    [LoggerMessage(EventId = 3114, Level = LogLevel.Warning, Message = "{Count} files of {Stream} were recorded after this node lost the camera (orphans); they stay on disk unindexed: {Paths}")]
    private static partial void LogOrphans(ILogger logger, StreamKey stream, int count, IReadOnlyList<string> paths);
}
