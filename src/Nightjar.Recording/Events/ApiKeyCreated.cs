using System.Globalization;
using System.Text;
using Nightjar.Recording.Access;

namespace Nightjar.Recording.Events;

/// <summary>An API key was created. Only its hash is stored; the key itself was shown once and is gone.</summary>
/// <param name="Id">The key's public id (also inside the key: <c>nj_&lt;id&gt;_&lt;secret&gt;</c>).</param>
/// <param name="Name">What the key is for, as given at creation.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="SecretHash">SHA-256 of the whole key, base64url (see <c>ApiKeys.Hash</c>).</param>
/// <param name="CreatedAt">When it was created.</param>
[JournalType("apikey.created.v1")]
public sealed record ApiKeyCreated(string Id, string Name, Role Role, string SecretHash, DateTimeOffset CreatedAt) : IRecordingEvent
{
    // The hash of a short operator-chosen key could be brute-forced: keep it out of logs too.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", Role = ").Append(Role.ToString())
            .Append(", SecretHash = ***, CreatedAt = ").Append(CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        return true;
    }
}
