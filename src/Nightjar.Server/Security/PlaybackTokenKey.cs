using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>
/// The key that signs playback tokens. With <c>Cluster:Key</c> it is derived from it (HKDF), so every node of the
/// site validates the tokens of every other. A single node without a cluster key keeps a random key in
/// <c>{Data:Path}/playback-token.key</c> (mode 600), so tokens survive a restart.
/// </summary>
/// <param name="Key">The signing key; a secret.</param>
/// <param name="Origin">Where it came from, for the start log.</param>
internal sealed record PlaybackTokenKey(byte[] Key, PlaybackTokenKeyOrigin Origin)
{
    public const string FileName = "playback-token.key";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <exception cref="InvalidOperationException">The key file exists but holds no key: the operator must look at it.</exception>
    public static PlaybackTokenKey Resolve(string? clusterKey, string dataPath)
    {
        if (!string.IsNullOrEmpty(clusterKey))
        {
            return new(PlaybackTokenService.DeriveKey(Encoding.UTF8.GetBytes(clusterKey)), PlaybackTokenKeyOrigin.ClusterKey);
        }

        var path = Path.Combine(dataPath, FileName);
        if (File.Exists(path))
        {
            return new(Read(path), PlaybackTokenKeyOrigin.KeyFile);
        }

        Directory.CreateDirectory(dataPath);
        var key = RandomNumberGenerator.GetBytes(PlaybackTokenService.MinKeyBytes);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(Base64Url.EncodeToString(key) + "\n"));
            stream.Flush(flushToDisk: true);
        }

        try
        {
            // No overwrite: if another process created the key meanwhile, theirs wins and we use it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return new(Read(path), PlaybackTokenKeyOrigin.KeyFile);
        }

        return new(key, PlaybackTokenKeyOrigin.CreatedKeyFile);
    }

    // The key is a secret: records print every member, this one must not.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Origin = ").Append(Origin.ToString());
        return true;
    }

    private static byte[] Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        var key = new byte[PlaybackTokenService.MinKeyBytes];
        if (Base64Url.DecodeFromChars(text, key, out var consumed, out var written) != OperationStatus.Done
            || consumed != text.Length
            || written != key.Length)
        {
            throw new InvalidOperationException(
                $"The playback token key file '{path}' does not hold a key written by Nightjar; delete it to create a new one (tokens issued so far become invalid).");
        }

        return key;
    }
}
