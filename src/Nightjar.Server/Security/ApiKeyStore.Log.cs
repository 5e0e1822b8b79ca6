namespace Nightjar.Server.Security;

internal sealed partial class ApiKeyStore
{
    [LoggerMessage(EventId = SecurityEventIds.KeysLoaded, Level = LogLevel.Information,
        Message = "API keys loaded: {ActiveKeys} active, journal at {SequenceNr}")]
    private static partial void LogKeysLoaded(ILogger logger, int activeKeys, long sequenceNr);

    [LoggerMessage(EventId = SecurityEventIds.KeyCreated, Level = LogLevel.Information,
        Message = "API key {KeyId} created with role {Role} ({Name})")]
    private static partial void LogKeyCreated(ILogger logger, string keyId, Nightjar.Recording.Access.Role role, string name);

    [LoggerMessage(EventId = SecurityEventIds.KeyRevoked, Level = LogLevel.Information,
        Message = "API key {KeyId} revoked")]
    private static partial void LogKeyRevoked(ILogger logger, string keyId);

    [LoggerMessage(EventId = SecurityEventIds.KeyWriteConflict, Level = LogLevel.Information,
        Message = "Another writer changed the API keys after sequence {SequenceNr}; reloading and deciding again")]
    private static partial void LogWriteConflict(ILogger logger, long sequenceNr);

    [LoggerMessage(EventId = SecurityEventIds.KeyCatchUpFailed, Level = LogLevel.Warning,
        Message = "Could not read API keys written by other nodes; the keys already loaded stay in use")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);
}
