using System.Net;

namespace Nightjar.Media.Rtsp;

/// <summary>Everything an <see cref="IRtspAuthenticator"/> may base its decision on.</summary>
public sealed class RtspAuthRequest
{
    internal RtspAuthRequest(string path, RtspAccess access, string method, IPAddress? remoteAddress, string? token, RtspCredentials? credentials)
    {
        Path = path;
        Access = access;
        Method = method;
        RemoteAddress = remoteAddress;
        Token = token;
        Credentials = credentials;
    }

    /// <summary>The stream path without leading slash or track suffix, e.g. <c>sim/cam1</c>.</summary>
    public string Path { get; }

    public RtspAccess Access { get; }

    /// <summary>The RTSP method that triggered the check (DESCRIBE, ANNOUNCE, SETUP...).</summary>
    public string Method { get; }

    public IPAddress? RemoteAddress { get; }

    /// <summary>True when the client connects from a loopback address.</summary>
    public bool IsLoopback => RemoteAddress is not null && IPAddress.IsLoopback(RemoteAddress);

    /// <summary>The <c>token</c> query parameter of the request URL (URL-decoded), if any.</summary>
    public string? Token { get; }

    /// <summary>Credentials from the Authorization header, if any; already checked for realm and nonce freshness.</summary>
    public RtspCredentials? Credentials { get; }
}
