using System.Text.Json.Serialization;

namespace Nightjar.Recording.Access;

/// <summary>An API key as listed by the API (<c>GET /api/v1/keys</c>): no key, no hash.</summary>
public sealed record ApiKeyResponse
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("role")]
    public required Role Role { get; init; }

    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("revokedAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? RevokedAt { get; init; }

    public static ApiKeyResponse From(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ApiKeyResponse { Id = key.Id, Name = key.Name, Role = key.Role, CreatedAt = key.CreatedAt, RevokedAt = key.RevokedAt };
    }
}
