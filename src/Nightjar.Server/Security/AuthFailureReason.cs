namespace Nightjar.Server.Security;

/// <summary>Why a request (or an RTSP client) was not let in; the <c>reason</c> tag of <c>nightjar.auth.failures</c>.</summary>
internal enum AuthFailureReason
{
    /// <summary>No credentials on a route that needs them.</summary>
    Missing,

    /// <summary>An Authorization header that is not <c>Bearer &lt;key&gt;</c>, or several of them.</summary>
    MalformedHeader,

    /// <summary>Not a key of ours, or the wrong secret.</summary>
    InvalidKey,

    /// <summary>A key that was revoked.</summary>
    RevokedKey,

    /// <summary>A playback token that is malformed or wrongly signed.</summary>
    InvalidToken,

    /// <summary>A playback token past its expiry.</summary>
    ExpiredToken,

    /// <summary>A valid playback token for another camera or stream.</summary>
    WrongScope,

    /// <summary>An API key in <c>?token=</c>: refused, keys belong in the Authorization header.</summary>
    KeyInQuery,

    /// <summary>Valid credentials without the permission the route needs.</summary>
    Forbidden,

    /// <summary>A forwarded request with a wrong cluster key, or sent to a node without one.</summary>
    InvalidClusterKey,
}
