using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>The <c>events</c> block of a <see cref="CameraRequest"/>. Credentials follow the rules of <see cref="StreamRequest"/>.</summary>
public sealed class EventSourceRequest
{
    /// <summary>One of <see cref="EventSourceKinds.Supported"/>.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    /// <summary>An <c>http://</c> or <c>https://</c> URL of the device.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("username")]
    public string? Username { get; init; }

    [JsonPropertyName("password")]
    public string? Password { get; init; }

    /// <summary>1 to 1024; default 1.</summary>
    [JsonPropertyName("channel")]
    public int? Channel { get; init; }

    /// <summary>For <c>https://</c> URLs: accept a self-signed device certificate. Default false.</summary>
    [JsonPropertyName("acceptSelfSignedCertificate")]
    public bool? AcceptSelfSignedCertificate { get; init; }

    /// <summary>Keep the JPEG pictures sent with events. Default false (dropped unread).</summary>
    [JsonPropertyName("keepImages")]
    public bool? KeepImages { get; init; }

    /// <summary>Deliver the periodic heartbeat as a camera event. Default false (it only proves the connection alive).</summary>
    [JsonPropertyName("reportHeartbeats")]
    public bool? ReportHeartbeats { get; init; }

    /// <summary>Read-only field of responses; accepted and ignored.</summary>
    [JsonPropertyName("passwordSet")]
    public bool? PasswordSet { get; init; }
}
