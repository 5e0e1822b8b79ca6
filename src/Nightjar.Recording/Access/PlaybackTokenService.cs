using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Access;

/// <summary>
/// Short-lived signed tokens for HLS and RTSP players (<c>?token=</c>), which cannot send an API key header.
/// A token is <c>base64url(payload) "." base64url(HMAC-SHA256(key, base64url(payload)))</c>, the payload being
/// <c>1|scope|permissions|expiry-unix-seconds</c>. Tokens cannot be revoked: keep lifetimes short.
/// </summary>
/// <remarks>
/// Every node must use the same key (derive it from the cluster key with <see cref="DeriveKey"/>), so any node
/// validates a token any other node issued. Validation checks the signature, in constant time, before it parses
/// anything, so unauthenticated bytes never reach the parser.
/// </remarks>
public sealed class PlaybackTokenService
{
    public const int MinKeyBytes = 32;

    /// <summary>Longest token looked at; anything longer is malformed without further work.</summary>
    public const int MaxTokenLength = 512;

    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    private const string Version = "1";
    private const int SignatureLength = 43;
    private static readonly byte[] DerivationInfo = "Nightjar.PlaybackTokens.v1"u8.ToArray();

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <param name="key">At least <see cref="MinKeyBytes"/> secret bytes; copied.</param>
    /// <param name="timeProvider">The clock for issuing and expiry.</param>
    public PlaybackTokenService(ReadOnlySpan<byte> key, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"A playback token key needs at least {MinKeyBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
        _timeProvider = timeProvider;
    }

    /// <summary>A token key derived from the cluster key (HKDF-SHA256), so no second secret has to be configured.</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> clusterKey)
    {
        if (clusterKey.IsEmpty)
        {
            throw new ArgumentException("The cluster key is empty.", nameof(clusterKey));
        }

        var key = new byte[MinKeyBytes];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, clusterKey, key, salt: [], info: DerivationInfo);
        return key;
    }

    /// <summary>A token for <paramref name="scope"/> (<c>lobby</c> or <c>lobby/main</c>) valid for <paramref name="lifetime"/>.</summary>
    /// <param name="scope">A camera id, or a camera id and a stream name separated by '/'.</param>
    /// <param name="permissions">What the token allows; a non-empty subset of <see cref="Permissions.Playback"/>.</param>
    /// <param name="lifetime">Positive, at most <see cref="MaxLifetime"/>; rounded up to whole seconds.</param>
    /// <exception cref="ArgumentException">Invalid scope, permissions or lifetime.</exception>
    public string Issue(string scope, Permissions permissions, TimeSpan lifetime)
    {
        if (!IsValidScope(scope))
        {
            throw new ArgumentException("A scope is a camera id, optionally followed by '/' and a stream name.", nameof(scope));
        }

        if (permissions == Permissions.None || (permissions & ~Permissions.Playback) != 0)
        {
            throw new ArgumentException("A playback token carries only playback permissions (view, live, archive, export).", nameof(permissions));
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A playback token lives more than zero and at most 24 hours.");
        }

        var expiry = _timeProvider.GetUtcNow().ToUnixTimeSeconds() + (long)Math.Ceiling(lifetime.TotalSeconds);
        var payload = string.Join('|', Version, scope, ((int)permissions).ToString(CultureInfo.InvariantCulture), expiry.ToString(CultureInfo.InvariantCulture));
        var encoded = Base64Url.EncodeToString(Encoding.ASCII.GetBytes(payload));
        return encoded + "." + Base64Url.EncodeToString(Sign(encoded));
    }

    /// <summary>Checks a token for a request: signature, expiry, that it covers <paramref name="path"/>, and <paramref name="required"/>.</summary>
    /// <param name="token">The presented token; null or empty gives <see cref="PlaybackTokenFailure.Missing"/>.</param>
    /// <param name="path">The requested media path (<c>lobby</c>, <c>lobby/main</c>, ...), see <see cref="PlaybackGrant.Covers"/>.</param>
    /// <param name="required">The permissions the request needs; at least one.</param>
    public PlaybackTokenResult Validate(string? token, string path, Permissions required)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (required == Permissions.None)
        {
            throw new ArgumentException("Say which permission the request needs.", nameof(required));
        }

        var result = Read(token);
        if (result.Grant is not { } grant)
        {
            return result;
        }

        if (!grant.Covers(path))
        {
            return PlaybackTokenResult.Fail(PlaybackTokenFailure.WrongScope, "the token is for another camera or stream");
        }

        return (grant.Permissions & required) == required
            ? result
            : PlaybackTokenResult.Fail(PlaybackTokenFailure.InsufficientPermissions, "the token does not allow this action");
    }

    /// <summary>Checks signature and expiry only, and tells what the token grants.</summary>
    public PlaybackTokenResult Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return PlaybackTokenResult.Fail(PlaybackTokenFailure.Missing, "no token");
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (token.Length > MaxTokenLength || dot <= 0 || token.Length - dot - 1 != SignatureLength)
        {
            return Malformed();
        }

        var encodedPayload = token.AsSpan(0, dot);
        Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Base64UrlText.IsValid(encodedPayload) || !Base64UrlText.TryDecodeExact(token.AsSpan(dot + 1), signature))
        {
            return Malformed();
        }

        // The payload is pure base64url here, so its ASCII bytes are exactly what was signed.
        if (!CryptographicOperations.FixedTimeEquals(Sign(encodedPayload), signature))
        {
            return PlaybackTokenResult.Fail(PlaybackTokenFailure.InvalidSignature, "the token's signature is not valid");
        }

        if (!TryParsePayload(Base64Url.DecodeFromChars(encodedPayload), out var grant))
        {
            return Malformed();
        }

        return _timeProvider.GetUtcNow() >= grant.ExpiresAt
            ? PlaybackTokenResult.Fail(PlaybackTokenFailure.Expired, "the token has expired")
            : PlaybackTokenResult.Success(grant);
    }

    private static PlaybackTokenResult Malformed() => PlaybackTokenResult.Fail(PlaybackTokenFailure.Malformed, "not a playback token");

    private static bool IsValidScope(string? scope)
    {
        if (scope is null)
        {
            return false;
        }

        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? CameraId.IsValid(scope)
            : CameraId.IsValid(scope[..slash]) && StreamNames.IsValid(scope[(slash + 1)..]);
    }

    private static bool TryParsePayload(byte[] payload, [NotNullWhen(true)] out PlaybackGrant? grant)
    {
        grant = null;
        var parts = Encoding.ASCII.GetString(payload).Split('|');
        if (parts.Length != 4
            || parts[0] != Version
            || !IsValidScope(parts[1])
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
            || permissions == 0
            || (permissions & ~(int)Permissions.Playback) != 0
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        grant = new PlaybackGrant(parts[1], (Permissions)permissions, DateTimeOffset.FromUnixTimeSeconds(expiry));
        return true;
    }

    private byte[] Sign(ReadOnlySpan<char> encodedPayload)
    {
        Span<byte> ascii = stackalloc byte[encodedPayload.Length];
        Encoding.ASCII.GetBytes(encodedPayload, ascii);
        return HMACSHA256.HashData(_key, ascii);
    }
}
