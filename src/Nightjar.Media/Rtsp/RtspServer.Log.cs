using System.Net;
using Microsoft.Extensions.Logging;

namespace Nightjar.Media.Rtsp;

/// <summary>Server-level logs, EventIds 3150–3169 (RTSP relay).</summary>
public sealed partial class RtspServer
{
    [LoggerMessage(EventId = 3150, Level = LogLevel.Information, Message = "RTSP server listening on {EndPoint} (UDP RTP {RtpPort}, RTCP {RtcpPort}; 0 = disabled)")]
    private static partial void LogStarted(ILogger logger, IPEndPoint endPoint, int rtpPort, int rtcpPort);

    [LoggerMessage(EventId = 3151, Level = LogLevel.Information, Message = "RTSP server stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 3152, Level = LogLevel.Warning, Message = "RTSP accept failed")]
    private static partial void LogAcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3153, Level = LogLevel.Warning, Message = "RTSP connection from {Remote} refused: {Max} connections open")]
    private static partial void LogConnectionLimit(ILogger logger, EndPoint? remote, int max);

    [LoggerMessage(EventId = 3154, Level = LogLevel.Error, Message = "RTSP connection from {Remote} failed unexpectedly")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, IPEndPoint remote);

    [LoggerMessage(EventId = 3155, Level = LogLevel.Error, Message = "RTSP timeout sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
