using System.Net;
using System.Net.Http.Headers;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>The HTTP client of one device connection.</summary>
internal static class DeviceHttp
{
    /// <summary>
    /// A client that answers Digest (RFC 7616, which SocketsHttpHandler implements itself on every platform) and
    /// Basic challenges, follows no redirect, uses no proxy (devices sit on the local network, and a proxy would see
    /// the login) and, only when asked, accepts any certificate the device presents.
    /// </summary>
    public static HttpClient CreateClient(DeviceEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            PreAuthenticate = false,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            MaxConnectionsPerServer = 2,
        };
        if (endpoint.Username is not null)
        {
            var login = new NetworkCredential(endpoint.Username, endpoint.Password ?? string.Empty);
            handler.Credentials = new CredentialCache
            {
                { endpoint.BaseUri, "Digest", login },
                { endpoint.BaseUri, "Basic", login },
            };
        }

        if (endpoint.AcceptSelfSignedCertificate)
        {
            // Cameras ship self-signed certificates for their IP address. The operator asked to trust whatever this
            // device presents (like curl -k), so encryption stays but identity is not checked.
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, certificate, _, _) => certificate is not null;
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The <c>boundary</c> of a <c>multipart/*</c> content type, or null.</summary>
    public static string? BoundaryOf(HttpContentHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        // Raw values: a device's odd but usable content type must not be lost to strict header validation.
        return headers.NonValidated.TryGetValues("Content-Type", out var values) ? BoundaryOf(values.ToString()) : null;
    }

    /// <summary>Parses <c>multipart/mixed; boundary=xyz</c> leniently (quotes, spaces, case), or null.</summary>
    public static string? BoundaryOf(string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var parts = contentType.Split(';', StringSplitOptions.TrimEntries);
        if (!parts[0].StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var parameter in parts.AsSpan(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && parameter[..equals].Trim().Equals("boundary", StringComparison.OrdinalIgnoreCase))
            {
                var value = parameter[(equals + 1)..].Trim().Trim('"');
                return value.Length is > 0 and <= 200 && value.IndexOfAny(['\r', '\n']) < 0 ? value : null;
            }
        }

        return null;
    }
}
