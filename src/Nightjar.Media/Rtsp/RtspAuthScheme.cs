namespace Nightjar.Media.Rtsp;

/// <summary>How the client presented its credentials.</summary>
public enum RtspAuthScheme
{
    /// <summary>RFC 7617 Basic: user and password in (base64) clear text.</summary>
    Basic,

    /// <summary>RFC 2617 Digest with MD5: the password never crosses the wire.</summary>
    Digest,
}
