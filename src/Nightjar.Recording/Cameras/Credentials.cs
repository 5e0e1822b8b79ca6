using System.Text;
using System.Text.Json.Serialization;
using Nightjar.Recording.Access;

namespace Nightjar.Recording.Cameras;

/// <summary>
/// A user name and password for a camera stream or event source. The password is either plaintext (fresh from a
/// request, about to be used) or protected by an <see cref="ISecretProtector"/> (everything stored in events).
/// <see cref="ToString"/> never shows the password in either form.
/// </summary>
/// <param name="Username">The user name, in clear: it is not a secret and helps diagnose a camera.</param>
/// <param name="Password">The password (plaintext or protected, see <paramref name="IsProtected"/>); empty when there is none.</param>
/// <param name="IsProtected">True when <paramref name="Password"/> holds the protected form.</param>
public sealed record Credentials(string Username, string Password, bool IsProtected = false)
{
    /// <summary>Longest accepted user name.</summary>
    public const int MaxUsernameLength = 128;

    /// <summary>Longest accepted plaintext password.</summary>
    public const int MaxPasswordLength = 256;

    [JsonIgnore]
    public bool HasPassword => Password.Length > 0;

    /// <summary>The protected form; already protected credentials and empty passwords are returned as they are.</summary>
    public Credentials Protect(ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (IsProtected)
        {
            return this;
        }

        return HasPassword
            ? this with { Password = protector.Protect(Password), IsProtected = true }
            : this with { IsProtected = true };
    }

    /// <summary>The plaintext form, for the moment it is needed (ffmpeg's input URL, an event source login).</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The password was protected with other keys.</exception>
    public Credentials Unprotect(ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (!IsProtected)
        {
            return this;
        }

        return HasPassword
            ? this with { Password = protector.Unprotect(Password), IsProtected = false }
            : this with { IsProtected = false };
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Username = ").Append(Username)
            .Append(", Password = ").Append(HasPassword ? "***" : "(none)")
            .Append(", IsProtected = ").Append(IsProtected ? "True" : "False");
        return true;
    }
}
