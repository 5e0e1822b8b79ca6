namespace Nightjar.Server.Security;

/// <summary>Metric tag values of <see cref="AuthFailureReason"/>: stable, snake_case, never a secret.</summary>
internal static class AuthFailureReasons
{
    public static string TagOf(AuthFailureReason reason) => reason switch
    {
        AuthFailureReason.Missing => "missing",
        AuthFailureReason.MalformedHeader => "malformed_header",
        AuthFailureReason.InvalidKey => "invalid_key",
        AuthFailureReason.RevokedKey => "revoked_key",
        AuthFailureReason.InvalidToken => "invalid_token",
        AuthFailureReason.ExpiredToken => "expired_token",
        AuthFailureReason.WrongScope => "wrong_scope",
        AuthFailureReason.KeyInQuery => "key_in_query",
        AuthFailureReason.Forbidden => "forbidden",
        AuthFailureReason.InvalidClusterKey => "invalid_cluster_key",
        _ => "other",
    };
}
