using Nightjar.Recording.Access;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Cameras;

internal static partial class CameraEndpoints
{
    // Debug: players ask for tokens on every page load. Who asked, for what and until when, never the token.
    [LoggerMessage(EventId = SecurityEventIds.PlaybackTokenIssued, Level = LogLevel.Debug,
        Message = "Playback token for {Scope} ({Permissions}) until {ExpiresAt:O} issued to key {KeyId}")]
    private static partial void LogTokenIssued(ILogger logger, string scope, Permissions permissions, DateTimeOffset expiresAt, string keyId);
}
