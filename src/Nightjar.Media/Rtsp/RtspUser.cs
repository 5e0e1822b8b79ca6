namespace Nightjar.Media.Rtsp;

/// <summary>A user of <see cref="ConfiguredRtspAuthenticator"/> (bound from configuration).</summary>
public sealed class RtspUser
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Clear-text password: Digest needs it (or its HA1) to verify. Never logged.</summary>
    public string Password { get; set; } = string.Empty;

    public RtspPermissions Permissions { get; set; } = RtspPermissions.Read;

    /// <summary>Paths this user may access; empty means all. A trailing <c>*</c> matches any suffix (<c>sim/*</c>).</summary>
    public IList<string> Paths { get; } = new List<string>();

    public override string ToString() => $"{Name} ({Permissions})";
}
