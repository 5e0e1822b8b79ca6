using System.Text;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Access;

/// <summary>
/// A key about to be created: the event to persist and the key to show ONCE (<c>{"id": ..., "key": ...}</c>).
/// <see cref="ToString"/> hides the key.
/// </summary>
public sealed record NewApiKey(ApiKeyCreated Event, string Key)
{
    public string Id => Event.Id;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Event = ").Append(Event).Append(", Key = ***");
        return true;
    }
}
