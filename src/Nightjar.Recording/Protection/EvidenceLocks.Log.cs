using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Protection;

public sealed partial class EvidenceLocks
{
    [LoggerMessage(EventId = 3660, Level = LogLevel.Information, Message = "Evidence lock {LockId} placed on camera {Camera}: {From} to {To}, until {Until}, by {By}")]
    private static partial void LogAdded(ILogger logger, string lockId, string camera, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? until, string by);

    [LoggerMessage(EventId = 3661, Level = LogLevel.Information, Message = "Evidence lock {LockId} of camera {Camera} released by {By}")]
    private static partial void LogReleased(ILogger logger, string lockId, string camera, string by);
}
