using System.Text;
using Nightjar.Recording.Access;

namespace Nightjar.Recording.Cameras;

/// <summary>Where a camera's own events (motion, alarms) come from (the <c>events</c> block of a camera).</summary>
/// <param name="Kind">One of <see cref="EventSourceKinds.Supported"/>.</param>
/// <param name="Url">The device's <c>http://</c> or <c>https://</c> base URL, without user info.</param>
/// <param name="Credentials">Login for the device API, if any.</param>
/// <param name="Channel">The device channel of this camera (NVRs have several); 1 for a plain camera.</param>
/// <param name="AcceptSelfSignedCertificate">For <c>https://</c>: trust whatever certificate the device presents (off by default).</param>
/// <param name="KeepImages">Keep the JPEG pictures the device sends with events (the latest per camera, in memory); off drops them unread.</param>
/// <param name="ReportHeartbeats">Deliver the device's periodic heartbeat (<c>videoloss</c> inactive) as a camera event; off by default.</param>
public sealed record EventSourceDefinition(
    string Kind,
    string Url,
    Credentials? Credentials,
    int Channel = 1,
    bool AcceptSelfSignedCertificate = false,
    bool KeepImages = false,
    bool ReportHeartbeats = false)
{
    public const int MaxChannel = 1024;

    /// <summary>The URL for responses and logs: <c>http://user:***@host</c>.</summary>
    public string ToDisplayUrl() => RedactedUrl.Of(Url, Credentials);

    /// <summary>The credentials in plaintext, for the moment of login. The result is a SECRET.</summary>
    public Credentials? ResolveCredentials(ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return Credentials?.Unprotect(protector);
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind)
            .Append(", Url = ").Append(RedactedUrl.Of(Url))
            .Append(", Credentials = ").Append(Credentials)
            .Append(", Channel = ").Append(Channel)
            .Append(", AcceptSelfSignedCertificate = ").Append(AcceptSelfSignedCertificate ? "True" : "False")
            .Append(", KeepImages = ").Append(KeepImages ? "True" : "False")
            .Append(", ReportHeartbeats = ").Append(ReportHeartbeats ? "True" : "False");
        return true;
    }
}
