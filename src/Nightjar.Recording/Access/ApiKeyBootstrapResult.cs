using System.Text;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Access;

/// <summary>The outcome of <see cref="ApiKeyBootstrap.Run"/>. <see cref="ToString"/> hides the generated key.</summary>
/// <param name="Status">What was decided.</param>
/// <param name="Event">The event to persist for <see cref="ApiKeyBootstrapStatus.FromConfiguration"/> and <see cref="ApiKeyBootstrapStatus.Generated"/>.</param>
/// <param name="GeneratedKey">The key to print once, only for <see cref="ApiKeyBootstrapStatus.Generated"/>.</param>
/// <param name="Error">Why the configured key is unusable, only for <see cref="ApiKeyBootstrapStatus.InvalidConfiguredKey"/>.</param>
public sealed record ApiKeyBootstrapResult(ApiKeyBootstrapStatus Status, ApiKeyCreated? Event, string? GeneratedKey, string? Error)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Status = ").Append(Status.ToString())
            .Append(", Event = ").Append(Event)
            .Append(", GeneratedKey = ").Append(GeneratedKey is null ? "(none)" : "***")
            .Append(", Error = ").Append(Error);
        return true;
    }
}
