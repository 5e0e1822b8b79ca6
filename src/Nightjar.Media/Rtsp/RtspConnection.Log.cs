using System.Net;
using Microsoft.Extensions.Logging;

namespace Nightjar.Media.Rtsp;

/// <summary>Connection and session logs, EventIds 3100–3149 (RTSP relay). Never logs passwords, tokens or URLs with queries.</summary>
internal sealed partial class RtspConnection
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "RTSP connection {ConnectionId} from {Remote} opened")]
    internal static partial void LogConnectionOpened(ILogger logger, long connectionId, IPEndPoint remote);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "RTSP connection {ConnectionId} from {Remote} closed: {Reason}")]
    internal static partial void LogConnectionClosed(ILogger logger, long connectionId, IPEndPoint remote, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Publisher {Remote} started on path {Path} with {Tracks} track(s)")]
    internal static partial void LogPublisherStarted(ILogger logger, string path, IPEndPoint remote, int tracks);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Publisher of path {Path} stopped: {Reason}")]
    internal static partial void LogPublisherStopped(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Publisher {Remote} refused: path {Path} already has a live publisher")]
    internal static partial void LogPublisherRefused(ILogger logger, string path, IPEndPoint remote);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug, Message = "Reader {Remote} playing path {Path} over {Transport}")]
    internal static partial void LogReaderStarted(ILogger logger, string path, IPEndPoint remote, string transport);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Debug, Message = "Reader session {SessionId} of path {Path} ended: {Reason}")]
    internal static partial void LogReaderStopped(ILogger logger, string path, string sessionId, string reason);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Reader {Client} of path {Path} dropped: {Reason}")]
    internal static partial void LogReaderDropped(ILogger logger, string path, IPAddress? client, string reason);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "RTSP authentication failed for {Remote} on path {Path} ({Access}) as {User}")]
    internal static partial void LogAuthFailed(ILogger logger, IPEndPoint remote, string path, RtspAccess access, string user);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Debug, Message = "Bad RTSP input from {Remote}: {Status} {Reason}")]
    internal static partial void LogBadRequest(ILogger logger, IPEndPoint remote, int status, string reason);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Error, Message = "RTSP {Method} from {Remote} failed")]
    internal static partial void LogRequestFailed(ILogger logger, Exception exception, string method, IPEndPoint remote);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "RTSP session {SessionId} of path {Path} timed out")]
    internal static partial void LogSessionTimedOut(ILogger logger, string path, string sessionId);
}
