namespace Nightjar.Server.Security;

internal sealed partial class ApiKeyStartupService
{
    [LoggerMessage(EventId = SecurityEventIds.BootstrapKeyFromConfiguration, Level = LogLevel.Information,
        Message = "No API key existed: the configured Auth:BootstrapAdminKey is now admin key {KeyId}")]
    private static partial void LogBootstrapFromConfiguration(ILogger logger, string keyId);

    [LoggerMessage(EventId = SecurityEventIds.BootstrapKeyGenerated, Level = LogLevel.Warning,
        Message = "No API key existed: generated admin key {KeyId}, printed once on standard output (not in this log). Store it now")]
    private static partial void LogBootstrapGenerated(ILogger logger, string keyId);

    [LoggerMessage(EventId = SecurityEventIds.KeyRefreshFailed, Level = LogLevel.Warning,
        Message = "Could not refresh the API keys from the journal; keeping the current ones")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = SecurityEventIds.PlaybackKeyResolved, Level = LogLevel.Information,
        Message = "Playback tokens are signed with a key from {Origin} (key file {KeyFile})")]
    private static partial void LogPlaybackKey(ILogger logger, PlaybackTokenKeyOrigin origin, string keyFile);
}
