using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Nightjar.Recording.Access;

/// <summary>
/// <see cref="ISecretProtector"/> of a cluster: AES-256-GCM under a key derived (HKDF-SHA256) from the cluster key every
/// node already shares, so a camera password one node journaled is readable by whichever node records the camera. A
/// per-node key ring cannot do that, and a shared one needs shared storage and its own coordination.
/// </summary>
/// <remarks>
/// The protected form is <c>njc1.</c> followed by base64url of nonce (12 bytes), ciphertext and tag (16 bytes); the
/// purpose is authenticated as associated data. Text without the prefix was protected before the node joined a
/// cluster: it goes to the legacy protector (the node's own key ring). Changing the cluster key makes every secret
/// protected under the old one unreadable: re-enter camera passwords after a change.
/// </remarks>
public sealed class ClusterSecretProtector : ISecretProtector
{
    /// <summary>Starts every text this protector writes; a later format gets another version.</summary>
    public const string Prefix = "njc1.";

    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private static readonly byte[] DerivationInfo = Encoding.ASCII.GetBytes("nightjar secrets at rest v1");
    private static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes(DataProtectionSecretProtector.Purpose);

    private readonly byte[] _key;
    private readonly ISecretProtector? _legacy;

    /// <param name="clusterKey">The shared cluster key (<c>Cluster:Key</c>), as UTF-8 bytes.</param>
    /// <param name="legacy">Reads secrets stored before this protector was used; null refuses them.</param>
    /// <exception cref="ArgumentException">The cluster key is empty.</exception>
    public ClusterSecretProtector(ReadOnlySpan<byte> clusterKey, ISecretProtector? legacy = null)
    {
        if (clusterKey.IsEmpty)
        {
            throw new ArgumentException("The cluster key is empty.", nameof(clusterKey));
        }

        _key = new byte[KeyBytes];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, clusterKey, _key, salt: [], info: DerivationInfo);
        _legacy = legacy;
    }

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + clear.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagBytes))
        {
            aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceBytes, clear.Length), sealedBytes.AsSpan(NonceBytes + clear.Length), AssociatedData);
        }

        CryptographicOperations.ZeroMemory(clear);
        return Prefix + Base64Url.EncodeToString(sealedBytes);
    }

    public string Unprotect(string protectedText)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        if (!protectedText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return _legacy?.Unprotect(protectedText)
                ?? throw new CryptographicException("The protected text was not written by a node of this cluster.");
        }

        var encoded = protectedText.AsSpan(Prefix.Length);
        var sealedBytes = new byte[Base64Url.GetMaxDecodedLength(encoded.Length)];
        if (Base64Url.DecodeFromChars(encoded, sealedBytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != encoded.Length
            || written < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The protected text is malformed.");
        }

        var length = written - NonceBytes - TagBytes;
        var clear = new byte[length];
        try
        {
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceBytes),
                sealedBytes.AsSpan(NonceBytes, length),
                sealedBytes.AsSpan(NonceBytes + length, TagBytes),
                clear,
                AssociatedData);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException("The protected text was tampered with, or protected under another cluster key.", ex);
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(clear);
        }
        catch (DecoderFallbackException ex)
        {
            throw new CryptographicException("The protected text does not hold text.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }
}
