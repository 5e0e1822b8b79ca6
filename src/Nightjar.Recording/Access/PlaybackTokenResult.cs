namespace Nightjar.Recording.Access;

/// <summary>The outcome of validating a playback token: a grant, or a failure with a reason to log (never the token).</summary>
public sealed record PlaybackTokenResult
{
    private PlaybackTokenResult(PlaybackGrant? grant, PlaybackTokenFailure? failure, string message)
    {
        Grant = grant;
        Failure = failure;
        Message = message;
    }

    public PlaybackGrant? Grant { get; }

    public PlaybackTokenFailure? Failure { get; }

    /// <summary>A short reason, safe for logs and for a 401/403 body.</summary>
    public string Message { get; }

    public bool IsValid => Failure is null;

    internal static PlaybackTokenResult Success(PlaybackGrant grant) => new(grant, null, "valid");

    internal static PlaybackTokenResult Fail(PlaybackTokenFailure failure, string message) => new(null, failure, message);
}
