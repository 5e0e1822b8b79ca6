namespace Nightjar.Recording.Access;

/// <summary>
/// Encrypts secrets (camera passwords) before they reach the journal, and decrypts them where they are used
/// (the ffmpeg command line). The protected form is opaque text, safe to store and to log.
/// </summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    /// <exception cref="System.Security.Cryptography.CryptographicException">
    /// The text was not protected by this protector's keys (tampered, or another key ring).
    /// </exception>
    string Unprotect(string protectedText);
}
