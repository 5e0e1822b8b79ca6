using System.Text;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>
/// One device connection: what makes two cameras share it (same URL, login and options). Holds the plaintext
/// password, so it stays in memory and prints it masked.
/// </summary>
internal sealed record DeviceEndpoint(
    Uri BaseUri,
    string? Username,
    string? Password,
    bool AcceptSelfSignedCertificate,
    bool KeepImages,
    bool ReportHeartbeats)
{
    public const string AlertStreamPath = "ISAPI/Event/notification/alertStream";

    /// <summary>The URL for logs and status, without user info.</summary>
    public string DisplayUrl => RedactedUrl.Of(BaseUri.ToString().TrimEnd('/'));

    public Uri AlertStreamUri => new(BaseUri, AlertStreamPath);

    /// <summary>The endpoint of a camera's event source, with its password in plaintext.</summary>
    /// <exception cref="UriFormatException">The URL is not absolute (never true for a validated camera).</exception>
    public static DeviceEndpoint From(EventSourceDefinition source, Credentials? plaintext)
    {
        ArgumentNullException.ThrowIfNull(source);
        var uri = new Uri(source.Url, UriKind.Absolute);
        // One form per device: scheme and host lower case, default port dropped, a path prefix kept (reverse proxies),
        // always ending in "/" so the alert stream path is appended, not substituted.
        var baseText = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/') + "/";
        return new DeviceEndpoint(
            new Uri(baseText, UriKind.Absolute),
            plaintext?.Username,
            plaintext?.Password,
            source.AcceptSelfSignedCertificate,
            source.KeepImages,
            source.ReportHeartbeats);
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BaseUri = ").Append(DisplayUrl)
            .Append(", Username = ").Append(Username)
            .Append(", Password = ").Append(string.IsNullOrEmpty(Password) ? "(none)" : "***")
            .Append(", AcceptSelfSignedCertificate = ").Append(AcceptSelfSignedCertificate ? "True" : "False")
            .Append(", KeepImages = ").Append(KeepImages ? "True" : "False")
            .Append(", ReportHeartbeats = ").Append(ReportHeartbeats ? "True" : "False");
        return true;
    }
}
