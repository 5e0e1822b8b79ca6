using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>One entry of <c>streams</c> in a <see cref="CameraRequest"/>.</summary>
/// <remarks>
/// Credentials go either into the URL (<c>rtsp://user:pass@host/...</c>) or into <see cref="Username"/> and
/// <see cref="Password"/>, not both. The password is write-only: on replace, a stream that names the same user
/// without a password keeps the stored one, so a camera read with GET can be sent back with PUT unchanged.
/// </remarks>
public sealed class StreamRequest
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("username")]
    public string? Username { get; init; }

    [JsonPropertyName("password")]
    public string? Password { get; init; }

    /// <summary>1 to 1,000,000 when given.</summary>
    [JsonPropertyName("expectedBitrateKbps")]
    public int? ExpectedBitrateKbps { get; init; }

    /// <summary>Default true; false for a live-only (restream) stream.</summary>
    [JsonPropertyName("record")]
    public bool? Record { get; init; }

    /// <summary>Read-only field of responses; accepted and ignored so a GET body can be sent back.</summary>
    [JsonPropertyName("passwordSet")]
    public bool? PasswordSet { get; init; }
}
