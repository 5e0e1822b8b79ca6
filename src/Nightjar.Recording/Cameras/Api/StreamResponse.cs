using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>One stream of a <see cref="CameraResponse"/>.</summary>
public sealed record StreamResponse
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The source URL without user info; secret-looking query values are masked.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("username")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Username { get; init; }

    /// <summary>Whether a password is stored; the password itself is never returned.</summary>
    [JsonPropertyName("passwordSet")]
    public required bool PasswordSet { get; init; }

    [JsonPropertyName("expectedBitrateKbps")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ExpectedBitrateKbps { get; init; }

    [JsonPropertyName("record")]
    public required bool Record { get; init; }

    public static StreamResponse From(StreamDefinition stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new StreamResponse
        {
            Name = stream.Name,
            Url = RedactedUrl.Of(stream.Url),
            Username = stream.Credentials?.Username,
            PasswordSet = stream.Credentials?.HasPassword ?? false,
            ExpectedBitrateKbps = stream.ExpectedBitrateKbps,
            Record = stream.Record,
        };
    }
}
