using Nightjar.Server.Diagnostics;

namespace Nightjar.Server.Http;

internal sealed partial class ProblemExceptionHandler
{
    [LoggerMessage(EventId = ServerEventIds.UnhandledException, Level = LogLevel.Error,
        Message = "Unhandled exception while serving {Method} {Path}")]
    private partial void LogUnhandled(string method, string? path, Exception exception);

    [LoggerMessage(EventId = ServerEventIds.BadRequest, Level = LogLevel.Debug,
        Message = "Bad request {StatusCode} for {Method} {Path}: {Reason}")]
    private partial void LogBadRequest(int statusCode, string method, string? path, string reason);

    [LoggerMessage(EventId = ServerEventIds.RequestAborted, Level = LogLevel.Debug,
        Message = "Client aborted {Method} {Path}")]
    private partial void LogRequestAborted(string method, string? path);
}
