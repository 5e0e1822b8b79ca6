using System.Text;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Access;

/// <summary>A stored API key: everything but the key itself.</summary>
/// <param name="Id">Public id, shown in lists and used to revoke.</param>
/// <param name="Name">What the key is for.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="SecretHash">See <see cref="ApiKeys.Hash"/>; not a secret, but never returned by the API either.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked; null while active.</param>
public sealed record ApiKeyRecord(string Id, string Name, Role Role, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    // The hash of a short operator-chosen key could be brute-forced: keep it out of logs too.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", Role = ").Append(Role.ToString())
            .Append(", SecretHash = ***, CreatedAt = ").Append(CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", RevokedAt = ").Append(RevokedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    internal static ApiKeyRecord From(ApiKeyCreated created) =>
        new(created.Id, created.Name, created.Role, created.SecretHash, created.CreatedAt, null);
}
