namespace Nightjar.Server.Security;

/// <summary>
/// The failure an authentication handler returns (<c>AuthenticateResult.Fail</c>), so the challenge can answer with
/// the reason. The message is safe for the client and for logs: it never holds the presented secret.
/// </summary>
internal sealed class NightjarAuthenticationException : Exception
{
    public NightjarAuthenticationException(AuthFailureReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public NightjarAuthenticationException()
        : this(AuthFailureReason.InvalidKey, "authentication failed")
    {
    }

    public NightjarAuthenticationException(string message)
        : this(AuthFailureReason.InvalidKey, message)
    {
    }

    public NightjarAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = AuthFailureReason.InvalidKey;
    }

    public AuthFailureReason Reason { get; }

    /// <summary>True when the credentials were good but do not reach this resource: the answer is 403, not 401.</summary>
    public bool IsForbidden => Reason == AuthFailureReason.WrongScope;
}
