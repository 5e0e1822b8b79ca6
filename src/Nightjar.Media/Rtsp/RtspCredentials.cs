using System.Security.Cryptography;
using System.Text;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// Credentials a client presented. Verification works the same for both schemes: give the stored password
/// to <see cref="VerifyPassword"/> (or the stored Digest HA1 to <see cref="VerifyDigestHa1"/>). The password of
/// a Basic request is available as <see cref="BasicPassword"/> for stores that keep only hashes (API keys);
/// it is never part of <see cref="ToString"/> and must never be logged.
/// </summary>
public sealed class RtspCredentials
{
    private readonly string? _password;
    private readonly DigestFields? _digest;

    private RtspCredentials(string userName, string? password, DigestFields? digest)
    {
        UserName = userName;
        _password = password;
        _digest = digest;
    }

    public string UserName { get; }

    public RtspAuthScheme Scheme => _digest is null ? RtspAuthScheme.Basic : RtspAuthScheme.Digest;

    /// <summary>The clear-text password of a Basic request; null for Digest.</summary>
    public string? BasicPassword => _password;

    /// <summary>True when <paramref name="password"/> is the password this client used.</summary>
    public bool VerifyPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (_digest is null)
        {
            return FixedTimeEquals(_password ?? string.Empty, password);
        }

        return VerifyDigestHa1(DigestMath.Ha1(UserName, _digest.Realm, password));
    }

    /// <summary>Digest only: verifies against a stored HA1 = MD5(user:realm:password) in lower-case hex.</summary>
    public bool VerifyDigestHa1(string ha1)
    {
        ArgumentNullException.ThrowIfNull(ha1);
        if (_digest is null)
        {
            return false;
        }

        var expected = DigestMath.Response(ha1.ToLowerInvariant(), _digest.Nonce, _digest.Method, _digest.Uri, _digest.Qop, _digest.NonceCount, _digest.ClientNonce);
        return FixedTimeEquals(expected, _digest.Response.ToLowerInvariant());
    }

    public override string ToString() => $"{Scheme} {UserName}";

    /// <summary>The Digest header fields (null for Basic), for realm, nonce and uri checks by the server.</summary>
    internal DigestFields? DigestParameters => _digest;

    internal static RtspCredentials Basic(string userName, string password) => new(userName, password, null);

    internal static RtspCredentials Digest(string userName, DigestFields fields) => new(userName, null, fields);

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>The fields of a Digest Authorization header needed to recompute the response.</summary>
    internal sealed record DigestFields(string Realm, string Nonce, string Uri, string Response, string Method, string? Qop, string? NonceCount, string? ClientNonce);
}
