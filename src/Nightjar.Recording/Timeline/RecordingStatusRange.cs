using System.Text.Json.Serialization;

namespace Nightjar.Recording.Timeline;

/// <summary>A recorded range in unix seconds, as in Flussonic's <c>recording_status.json</c>.</summary>
public sealed record RecordingStatusRange
{
    [JsonPropertyName("from")]
    public required long From { get; init; }

    [JsonPropertyName("duration")]
    public required long Duration { get; init; }

    /// <summary>Start rounded down, end rounded up, to whole seconds.</summary>
    public static RecordingStatusRange Of(TimeRange range)
    {
        var from = range.Start.ToUnixTimeSeconds();
        var end = range.End.ToUnixTimeSeconds();
        if (DateTimeOffset.FromUnixTimeSeconds(end) < range.End)
        {
            end++;
        }

        return new RecordingStatusRange { From = from, Duration = end - from };
    }
}
