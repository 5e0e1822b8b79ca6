using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// The HMAC-SHA256 signature of a delivery: <c>X-Nightjar-Signature: sha256=&lt;hex of HMAC(secret, "{timestamp}.{body}")&gt;</c>
/// with <c>X-Nightjar-Timestamp: &lt;unix seconds&gt;</c>. Signing the timestamp with the exact body bytes lets a receiver
/// refuse a replayed request (an old timestamp) and a changed body alike.
/// </summary>
public static class EventSinkSignature
{
    public const string SignatureHeader = "X-Nightjar-Signature";
    public const string TimestampHeader = "X-Nightjar-Timestamp";
    public const string Prefix = "sha256=";

    /// <summary>The <see cref="SignatureHeader"/> value for <paramref name="body"/> sent at <paramref name="timestamp"/> (unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Encoding.UTF8.GetBytes(secret);
        var head = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(head);
        hmac.AppendData(body);
        return Prefix + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>
    /// The receiver's check: the signature matches (compared in constant time) and the timestamp is within
    /// <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (signatureHeader is null
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }
}
