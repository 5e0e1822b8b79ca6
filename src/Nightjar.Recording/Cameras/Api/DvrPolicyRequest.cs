using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>The <c>dvr</c> block of a <see cref="CameraRequest"/>; every field is optional.</summary>
public sealed class DvrPolicyRequest
{
    /// <summary><c>7d</c>, <c>36h</c>, <c>1d12h</c>... or <c>unlimited</c> (the default).</summary>
    [JsonPropertyName("depth")]
    public string? Depth { get; init; }

    /// <summary>Like <see cref="Depth"/>; absent means motion gets no extra retention.</summary>
    [JsonPropertyName("motionDepth")]
    public string? MotionDepth { get; init; }

    /// <summary><c>100GB</c>, <c>1.5TB</c>, <c>64GiB</c>...; absent means only the storage root's limit applies.</summary>
    [JsonPropertyName("space")]
    public string? Space { get; init; }

    /// <summary>Default <c>10s</c>.</summary>
    [JsonPropertyName("preAlarm")]
    public string? PreAlarm { get; init; }

    /// <summary>Default <c>30s</c>.</summary>
    [JsonPropertyName("postAlarm")]
    public string? PostAlarm { get; init; }
}
