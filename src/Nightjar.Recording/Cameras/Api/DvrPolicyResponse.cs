using System.Text.Json.Serialization;
using Nightjar.Recording.Policies;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>The <c>dvr</c> block of a <see cref="CameraResponse"/>, every value in its canonical text form.</summary>
public sealed record DvrPolicyResponse
{
    /// <summary><c>unlimited</c> or a duration such as <c>7d</c>.</summary>
    [JsonPropertyName("depth")]
    public required string Depth { get; init; }

    [JsonPropertyName("motionDepth")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MotionDepth { get; init; }

    [JsonPropertyName("space")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Space { get; init; }

    [JsonPropertyName("preAlarm")]
    public required string PreAlarm { get; init; }

    [JsonPropertyName("postAlarm")]
    public required string PostAlarm { get; init; }

    public static DvrPolicyResponse From(DvrPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new DvrPolicyResponse
        {
            Depth = policy.Depth.ToString(),
            MotionDepth = policy.MotionDepth?.ToString(),
            Space = policy.Space?.ToString(),
            PreAlarm = DurationText.Format(policy.PreAlarm),
            PostAlarm = DurationText.Format(policy.PostAlarm),
        };
    }
}
