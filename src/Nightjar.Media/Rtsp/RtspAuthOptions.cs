namespace Nightjar.Media.Rtsp;

/// <summary>Configuration of <see cref="ConfiguredRtspAuthenticator"/>.</summary>
public sealed class RtspAuthOptions
{
    public IList<RtspUser> Users { get; } = new List<RtspUser>();

    /// <summary>Let clients without credentials read (publishing always needs a user or a trusted loopback).</summary>
    public bool AllowAnonymousRead { get; set; }
}
