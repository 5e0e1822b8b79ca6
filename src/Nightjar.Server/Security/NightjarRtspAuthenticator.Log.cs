using Nightjar.Media.Rtsp;

namespace Nightjar.Server.Security;

internal sealed partial class NightjarRtspAuthenticator
{
    [LoggerMessage(EventId = SecurityEventIds.RtspAccessDenied, Level = LogLevel.Information,
        Message = "RTSP {Access} of {Path} refused ({Reason})")]
    private static partial void LogRefused(ILogger logger, RtspAccess access, string path, string reason);
}
