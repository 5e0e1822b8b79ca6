using System.Text;
using RedactedUrl = Nightjar.Recording.Cameras.RedactedUrl;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// The body of <c>POST</c>/<c>PUT /api/v1/event-sinks</c> as read (types checked, values not yet):
/// <c>{"name", "url", "only": {"types", "cameras"}, "headers", "secret", "batchSize", "from"}</c>.
/// Holds plaintext secrets: keep it in memory only.
/// </summary>
public sealed record EventSinkRequest
{
    public string? Name { get; init; }

    public string? Url { get; init; }

    public IReadOnlyList<string>? Types { get; init; }

    public IReadOnlyList<string>? Cameras { get; init; }

    /// <summary>Header name → value; the value <c>***</c> keeps the stored value of that header on replace.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public EventSinkSecretAction SecretAction { get; init; }

    /// <summary>The new secret when <see cref="SecretAction"/> is <see cref="EventSinkSecretAction.Set"/>.</summary>
    public string? Secret { get; init; }

    public long? BatchSize { get; init; }

    public string? From { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name).Append(", Url = ").Append(Url is null ? null : RedactedUrl.Of(Url))
            .Append(", Headers = [").AppendJoin(", ", Headers?.Keys ?? []).Append("], SecretAction = ").Append(SecretAction.ToString())
            .Append(", BatchSize = ").Append(BatchSize).Append(", From = ").Append(From);
        return true;
    }
}
