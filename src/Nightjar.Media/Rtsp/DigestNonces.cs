using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// Stateless Digest nonces: the expiry time plus an HMAC of it under a per-server random key. Any connection can
/// present any nonce we issued until it expires; no table of nonces to grow or to leak.
/// </summary>
internal sealed class DigestNonces(TimeProvider time, TimeSpan lifetime)
{
    private const int MacBytes = 12;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue()
    {
        Span<byte> expiry = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(expiry, (time.GetUtcNow() + lifetime).ToUnixTimeMilliseconds());
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, expiry, mac);
        return Convert.ToHexStringLower(expiry) + Convert.ToHexStringLower(mac[..MacBytes]);
    }

    public DigestNonceState Validate(string nonce)
    {
        if (nonce.Length != (8 + MacBytes) * 2)
        {
            return DigestNonceState.Invalid;
        }

        Span<byte> raw = stackalloc byte[8 + MacBytes];
        if (Convert.FromHexString(nonce, raw, out _, out var written) != System.Buffers.OperationStatus.Done || written != raw.Length)
        {
            return DigestNonceState.Invalid;
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, raw[..8], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..MacBytes], raw[8..]))
        {
            return DigestNonceState.Invalid;
        }

        var expiry = BinaryPrimitives.ReadInt64BigEndian(raw);
        return expiry < time.GetUtcNow().ToUnixTimeMilliseconds() ? DigestNonceState.Expired : DigestNonceState.Valid;
    }
}
