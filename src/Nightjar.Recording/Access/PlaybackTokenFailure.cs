namespace Nightjar.Recording.Access;

/// <summary>Why a playback token was refused.</summary>
public enum PlaybackTokenFailure
{
    /// <summary>No token was presented.</summary>
    Missing,

    /// <summary>Not a token of ours: wrong shape, length, encoding or version.</summary>
    Malformed,

    /// <summary>The signature does not match: tampered, or signed with another key.</summary>
    InvalidSignature,

    /// <summary>Valid, but its lifetime is over.</summary>
    Expired,

    /// <summary>Valid, but for another camera or stream.</summary>
    WrongScope,

    /// <summary>Valid for this path, but it does not allow this action (e.g. export with a live-only token).</summary>
    InsufficientPermissions,
}
