using System.Text.Json.Serialization;

namespace Nightjar.Recording.Timeline;

/// <summary>
/// One element of Flussonic's <c>recording_status.json</c> answer, a JSON array of these:
/// <c>[{"stream": "lobby", "ranges": [{"from": 1763700000, "duration": 3600}]}]</c>.
/// </summary>
public sealed record RecordingStatusEntry
{
    /// <summary>The media path asked about (<c>lobby</c> or <c>lobby/main</c>).</summary>
    [JsonPropertyName("stream")]
    public required string Stream { get; init; }

    [JsonPropertyName("ranges")]
    public required IReadOnlyList<RecordingStatusRange> Ranges { get; init; }

    /// <summary>
    /// The entry for recorded ranges, in whole unix seconds: each range starts at the second its start falls in and
    /// lasts up to the second after its end, so rounding never hides recorded video.
    /// </summary>
    public static RecordingStatusEntry From(string stream, IEnumerable<TimeRange> recorded)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(recorded);
        return new RecordingStatusEntry
        {
            Stream = stream,
            Ranges = [.. recorded.Select(RecordingStatusRange.Of)],
        };
    }
}
