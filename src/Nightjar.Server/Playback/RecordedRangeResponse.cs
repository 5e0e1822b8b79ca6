using Nightjar.Recording.Timeline;

namespace Nightjar.Server.Playback;

/// <summary>A half-open range <c>[from, to)</c> of a timeline, in UTC.</summary>
internal sealed record RecordedRangeResponse(DateTime From, DateTime To)
{
    public static RecordedRangeResponse Of(TimeRange range) => new(range.Start.UtcDateTime, range.End.UtcDateTime);
}
