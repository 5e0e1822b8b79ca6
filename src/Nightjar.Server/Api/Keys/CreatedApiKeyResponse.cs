using System.Text;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Api.Keys;

/// <summary>The answer to <c>POST /api/v1/keys</c>: the only time <see cref="Key"/> is ever shown.</summary>
internal sealed record CreatedApiKeyResponse(string Id, string Key, string Name, string Role, DateTimeOffset CreatedAt)
{
    public static CreatedApiKeyResponse From(NewApiKey created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var e = created.Event;
        return new(e.Id, created.Key, e.Name, Roles.NameOf(e.Role), e.CreatedAt);
    }

    // The key must not reach a log through ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Key = ***, Name = ").Append(Name).Append(", Role = ").Append(Role);
        return true;
    }
}
