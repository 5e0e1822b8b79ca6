namespace Nightjar.Server.Security;

/// <summary>EventIds of the security area (1400-1499), next to <see cref="Diagnostics.ServerEventIds"/>.</summary>
internal static class SecurityEventIds
{
    // 1400-1429: authentication and authorization of requests.
    public const int AuthenticationFailed = 1400;
    public const int AccessDenied = 1401;
    public const int NoCredentials = 1402;

    // 1430-1459: API keys.
    public const int KeysLoaded = 1430;
    public const int BootstrapKeyFromConfiguration = 1431;
    public const int BootstrapKeyGenerated = 1432;
    public const int KeyCreated = 1433;
    public const int KeyRevoked = 1434;
    public const int KeyWriteConflict = 1435;
    public const int KeyRefreshFailed = 1436;
    public const int KeyCatchUpFailed = 1437;

    // 1460-1479: secrets at rest and token keys.
    public const int PlaybackKeyResolved = 1460;
    public const int PlaybackTokenIssued = 1461;

    // 1480-1499: RTSP.
    public const int RtspAccessDenied = 1480;
}
