using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>The <c>events</c> block of a <see cref="CameraResponse"/>.</summary>
public sealed record EventSourceResponse
{
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The device URL without user info; secret-looking query values are masked.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("username")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Username { get; init; }

    [JsonPropertyName("passwordSet")]
    public required bool PasswordSet { get; init; }

    [JsonPropertyName("channel")]
    public required int Channel { get; init; }

    [JsonPropertyName("acceptSelfSignedCertificate")]
    public bool AcceptSelfSignedCertificate { get; init; }

    [JsonPropertyName("keepImages")]
    public bool KeepImages { get; init; }

    [JsonPropertyName("reportHeartbeats")]
    public bool ReportHeartbeats { get; init; }

    public static EventSourceResponse From(EventSourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new EventSourceResponse
        {
            Kind = source.Kind,
            Url = RedactedUrl.Of(source.Url),
            Username = source.Credentials?.Username,
            PasswordSet = source.Credentials?.HasPassword ?? false,
            Channel = source.Channel,
            AcceptSelfSignedCertificate = source.AcceptSelfSignedCertificate,
            KeepImages = source.KeepImages,
            ReportHeartbeats = source.ReportHeartbeats,
        };
    }
}
