using System.Buffers;
using System.Buffers.Text;

namespace Nightjar.Recording;

/// <summary>
/// Strict base64url for untrusted input: the 64 characters only, no padding, no whitespace, canonical trailing bits.
/// <see cref="Base64Url.TryDecodeFromChars(ReadOnlySpan{char}, Span{byte}, out int)"/> throws, rather than returning
/// false, on a character outside the alphabet or on non-zero trailing bits; this wrapper only ever returns false.
/// </summary>
internal static class Base64UrlText
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static bool IsValid(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(Alphabet) && text.Length % 4 != 1;

    /// <summary>Decodes exactly <paramref name="destination"/>.Length bytes, or fails.</summary>
    public static bool TryDecodeExact(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (!IsValid(text) || Base64Url.GetMaxDecodedLength(text.Length) != destination.Length)
        {
            return false;
        }

        try
        {
            return Base64Url.TryDecodeFromChars(text, destination, out var written) && written == destination.Length;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
