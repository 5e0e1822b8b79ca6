namespace Nightjar.Media.Rtsp;

/// <summary>Decision of an <see cref="IRtspAuthenticator"/>.</summary>
public enum RtspAuthResult
{
    /// <summary>Go ahead.</summary>
    Allowed,

    /// <summary>Unknown or wrong credentials (or none): the client gets 401 with fresh challenges.</summary>
    Unauthorized,

    /// <summary>The credentials are valid but do not grant this access to this path: 403.</summary>
    Forbidden,
}
