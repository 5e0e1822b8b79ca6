using Microsoft.Extensions.Logging;

namespace Nightjar.Persistence.Catalog;

internal sealed partial class SegmentCatalog
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2200, Level = LogLevel.Debug, Message = "Applied {Changes} catalog changes (projection {Projection} at {Offset})")]
        public static partial void Applied(ILogger logger, int changes, string? projection, JournalOffset? offset);

        [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Projection {Projection} checkpoint {Offset} is behind its stored offset: another writer is ahead, so its {Changes} changes were not applied")]
        public static partial void StaleCheckpoint(ILogger logger, string projection, JournalOffset offset, int changes);

        [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Catalog query {Query} on {Backend} took {Elapsed}")]
        public static partial void SlowQuery(ILogger logger, string query, string backend, TimeSpan elapsed);
    }
}
