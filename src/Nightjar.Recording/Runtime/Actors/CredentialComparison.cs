using System.Security.Cryptography;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>
/// Whether a replaced stream must restart its ingest. Protected passwords cannot be compared as stored (each
/// protection of the same password gives another ciphertext), so they are compared in plaintext, in memory.
/// </summary>
internal static class CredentialComparison
{
    public static bool NeedsRestart(StreamDefinition current, AudioMode currentAudio, StreamDefinition next, AudioMode nextAudio, ISecretProtector protector) =>
        currentAudio != nextAudio
        || current.Record != next.Record
        || !string.Equals(current.Url, next.Url, StringComparison.Ordinal)
        || !SameCredentials(current.Credentials, next.Credentials, protector);

    private static bool SameCredentials(Credentials? a, Credentials? b, ISecretProtector protector)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (!string.Equals(a.Username, b.Username, StringComparison.Ordinal) || a.HasPassword != b.HasPassword)
        {
            return false;
        }

        try
        {
            return string.Equals(a.Unprotect(protector).Password, b.Unprotect(protector).Password, StringComparison.Ordinal);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
