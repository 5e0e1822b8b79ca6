using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Nightjar.Recording.Access;

/// <summary>
/// <see cref="ISecretProtector"/> over ASP.NET Core Data Protection (authenticated encryption, key rotation).
/// Every node that reads the journal needs the same key ring: in a cluster the host must persist the keys to
/// shared storage and protect them (e.g. <c>PersistKeysToFileSystem</c> on a shared volume, or a database-backed
/// <c>IXmlRepository</c>), otherwise another node cannot decrypt camera passwords.
/// </summary>
public sealed class DataProtectionSecretProtector : ISecretProtector
{
    /// <summary>The Data Protection purpose string; changing it makes every stored secret unreadable.</summary>
    public const string Purpose = "Nightjar.CameraCredentials";

    private readonly IDataProtector _protector;

    public DataProtectionSecretProtector(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector(Purpose);
    }

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return _protector.Protect(plaintext);
    }

    public string Unprotect(string protectedText)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        try
        {
            return _protector.Unprotect(protectedText);
        }
        catch (FormatException ex)
        {
            // Not even base64url: report it like any other unreadable payload, as the interface documents.
            throw new CryptographicException("The protected text is malformed.", ex);
        }
    }
}
