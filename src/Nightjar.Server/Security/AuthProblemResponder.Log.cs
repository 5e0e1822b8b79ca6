namespace Nightjar.Server.Security;

internal sealed partial class AuthProblemResponder
{
    [LoggerMessage(EventId = SecurityEventIds.AuthenticationFailed, Level = LogLevel.Information,
        Message = "Authentication failed ({Reason}) for {Method} {Path}, key {KeyId}: {Detail}")]
    private static partial void LogAuthenticationFailed(ILogger logger, string reason, string method, string? path, string keyId, string detail);

    [LoggerMessage(EventId = SecurityEventIds.AccessDenied, Level = LogLevel.Information,
        Message = "Access denied for {Method} {Path}, caller {KeyId}: {Detail}")]
    private static partial void LogAccessDenied(ILogger logger, string method, string? path, string keyId, string detail);

    // Debug: a browser or probe without credentials is routine, and an unauthenticated flood must not flood the log.
    [LoggerMessage(EventId = SecurityEventIds.NoCredentials, Level = LogLevel.Debug,
        Message = "No credentials for {Method} {Path}")]
    private static partial void LogNoCredentials(ILogger logger, string method, string? path);
}
