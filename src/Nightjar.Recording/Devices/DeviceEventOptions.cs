using Nightjar.Recording.Devices.Multipart;

namespace Nightjar.Recording.Devices;

/// <summary>Node-wide settings of device event sources (per-camera ones live in the camera's <c>events</c> block).</summary>
public sealed class DeviceEventOptions
{
    /// <summary>No byte from the device for this long means the connection is dead (Hikvision sends a heartbeat about every 10 s).</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>First reconnect delay after a failure; doubles per consecutive failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Each delay is varied by up to this fraction either way, so devices that failed together do not reconnect together.</summary>
    public double BackoffJitter { get; init; } = 0.2;

    /// <summary>
    /// Delay before trying again after the device rejected the credentials. Long on purpose: Hikvision locks an
    /// account after a few failed logins, and retrying fast keeps it locked.
    /// </summary>
    public TimeSpan UnauthorizedRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Device times further than this from ours are not trusted: the event gets its arrival time.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest XML or JSON part; bigger ones are skipped as endless parts.</summary>
    public int MaxTextPartBytes { get; init; } = MultipartLimits.DefaultMaxTextPartBytes;

    /// <summary>Largest JPEG kept for a camera whose event source keeps images.</summary>
    public int MaxImagePartBytes { get; init; } = MultipartLimits.DefaultMaxImagePartBytes;

    /// <summary>Size of one read from the connection.</summary>
    public int ReadBufferBytes { get; init; } = 16 * 1024;

    /// <summary>The problems with these values, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SilenceTimeout <= TimeSpan.Zero)
        {
            errors.Add("SilenceTimeout must be positive");
        }

        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            errors.Add("InitialBackoff must be positive and MaxBackoff at least InitialBackoff");
        }

        if (BackoffJitter is < 0 or >= 1 || double.IsNaN(BackoffJitter))
        {
            errors.Add("BackoffJitter must be from 0 to less than 1");
        }

        if (UnauthorizedRetryDelay <= TimeSpan.Zero || MaxClockSkew < TimeSpan.Zero)
        {
            errors.Add("UnauthorizedRetryDelay must be positive and MaxClockSkew not negative");
        }

        if (MaxTextPartBytes < 1024 || MaxImagePartBytes < 1024 || ReadBufferBytes < 256)
        {
            errors.Add("part caps must be at least 1024 bytes and ReadBufferBytes at least 256");
        }

        return errors;
    }

    internal MultipartLimits ToLimits(bool keepImages) => new()
    {
        MaxTextPartBytes = MaxTextPartBytes,
        MaxImagePartBytes = MaxImagePartBytes,
        KeepImages = keepImages,
    };
}
