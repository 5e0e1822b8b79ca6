using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Nightjar.Recording.Access;

/// <summary>
/// The API key format: <c>nj_&lt;id&gt;_&lt;secret&gt;</c>, where the id is 16 lowercase hex characters (64 random
/// bits, public, used to find the key in O(1)) and the secret is 32 random bytes in base64url (43 characters).
/// The <c>nj_</c> prefix makes a leaked key easy to recognise for secret scanners.
/// </summary>
/// <remarks>
/// Keys are stored as the SHA-256 of the whole key: with 256 bits of entropy a slow password hash adds nothing,
/// and a fast one keeps every authenticated request cheap. Keys in another format (a bootstrap key an operator
/// chose, 16 to 512 printable ASCII characters) are accepted too: their id is derived from a hash of the key.
/// </remarks>
public static class ApiKeys
{
    public const string Prefix = "nj_";

    /// <summary>Length of a generated key: prefix, 16 id characters, '_', 43 secret characters.</summary>
    public const int GeneratedLength = 63;

    /// <summary>Shortest key accepted in another format (the server's <c>Auth:BootstrapAdminKey</c> minimum).</summary>
    public const int MinOtherKeyLength = 16;

    /// <summary>Longest key looked at; a longer bearer value is rejected without hashing.</summary>
    public const int MaxKeyLength = 512;

    private const int IdLength = 16;
    private const int SecretBytes = 32;
    private const int SecretLength = 43;
    private const string DerivedIdContext = "Nightjar.ApiKeyId:";

    /// <summary>A new random key and its id. <paramref name="isIdTaken"/> lets the caller avoid (astronomically rare) id collisions.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="isIdTaken"/> refused 100 random ids: it is broken.</exception>
    public static (string Id, string Key) Generate(Func<string, bool>? isIdTaken = null)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
            if (isIdTaken?.Invoke(id) == true)
            {
                continue;
            }

            var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
            return (id, Prefix + id + "_" + secret);
        }

        throw new InvalidOperationException("Every random API key id was reported as taken.");
    }

    /// <summary>
    /// The id of a presented key: the one inside a generated key, or the derived one of a key in another format.
    /// False for values that cannot be keys (empty, too short or long, spaces, non-ASCII).
    /// </summary>
    public static bool TryGetId([NotNullWhen(true)] string? key, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return false;
        }

        if (IsGeneratedFormat(key))
        {
            id = key.Substring(Prefix.Length, IdLength);
            return true;
        }

        if (key.Length < MinOtherKeyLength || key.Any(c => c is <= ' ' or >= '\x7f'))
        {
            return false;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(DerivedIdContext + key));
        id = Convert.ToHexStringLower(digest.AsSpan(0, IdLength / 2));
        return true;
    }

    /// <summary>What is stored for a key: base64url of SHA-256 over its UTF-8 bytes.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Compares a presented key with a stored hash in constant time.</summary>
    public static bool Matches(string key, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(storedHash);
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (storedHash.Length != Base64Url.GetEncodedLength(SHA256.HashSizeInBytes) || !Base64UrlText.TryDecodeExact(storedHash, expected))
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool IsGeneratedFormat(string key)
    {
        if (key.Length != GeneratedLength || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var id = key.AsSpan(Prefix.Length, IdLength);
        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        Span<byte> secret = stackalloc byte[SecretBytes];
        return Base64UrlText.TryDecodeExact(key.AsSpan(GeneratedLength - SecretLength), secret);
    }
}
