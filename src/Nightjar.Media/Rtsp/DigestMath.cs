using System.Security.Cryptography;
using System.Text;

namespace Nightjar.Media.Rtsp;

/// <summary>RFC 2617 §3.2.2 Digest computations with MD5 (the only algorithm RTSP clients agree on).</summary>
internal static class DigestMath
{
    public static string Ha1(string user, string realm, string password) => Md5Hex($"{user}:{realm}:{password}");

    /// <summary>
    /// <c>response = H(HA1:nonce:HA2)</c> without qop (RFC 2069, what ffmpeg/live555 servers use), or
    /// <c>H(HA1:nonce:nc:cnonce:qop:HA2)</c> when the client chose qop=auth.
    /// </summary>
    public static string Response(string ha1, string nonce, string method, string uri, string? qop, string? nonceCount, string? clientNonce)
    {
        var ha2 = Md5Hex($"{method}:{uri}");
        return string.IsNullOrEmpty(qop)
            ? Md5Hex($"{ha1}:{nonce}:{ha2}")
            : Md5Hex($"{ha1}:{nonce}:{nonceCount}:{clientNonce}:{qop}:{ha2}");
    }

    // CA5351: MD5 is mandated by RFC 2617 Digest, which is what RTSP clients implement; it is not used for secrecy.
#pragma warning disable CA5351
    private static string Md5Hex(string value) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(value)));
#pragma warning restore CA5351
}
