using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Runtime.Archive;

internal sealed partial class RecordingArchive
{
    [LoggerMessage(EventId = 3160, Level = LogLevel.Error, Message = "Catalog row {Id} ({Path}) has an unusable path or GOP index; it is not served")]
    private static partial void LogBadRow(ILogger logger, long id, string path);
}
