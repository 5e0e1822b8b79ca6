using System.Security.Cryptography;
using System.Text;

namespace Nightjar.Server.Security;

/// <summary>
/// <c>Cluster:Key</c>, the secret the nodes of a site present to each other. Compared in constant time (over SHA-256
/// digests, so not even the length leaks); <see cref="ToString"/> never shows it.
/// </summary>
internal sealed class ClusterKey
{
    private readonly string? _value;
    private readonly byte[]? _digest;

    public ClusterKey(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            _value = configured;
            _digest = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        }
    }

    /// <summary>False on a node without <c>Cluster:Key</c>: it neither accepts nor sends internal calls.</summary>
    public bool IsConfigured => _digest is not null;

    /// <summary>The key to send to another node; null when none is configured.</summary>
    public string? Value => _value;

    /// <summary>True when a key is configured and <paramref name="presented"/> is that key.</summary>
    public bool Matches(string? presented)
    {
        if (_digest is null || presented is null)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetBytes(presented);
        SHA256.HashData(bytes, digest);
        return CryptographicOperations.FixedTimeEquals(digest, _digest);
    }

    public override string ToString() => IsConfigured ? "ClusterKey(configured)" : "ClusterKey(none)";
}
