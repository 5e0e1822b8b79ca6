using System.Collections.Immutable;

namespace Nightjar.Recording.Timeline;

/// <summary>
/// What was recorded in a window and what is missing. <see cref="Recorded"/> and <see cref="Gaps"/> are sorted,
/// alternate, do not overlap and together cover the window exactly.
/// </summary>
public sealed record TimelineResult(TimeRange Window, ImmutableArray<TimeRange> Recorded, ImmutableArray<TimeRange> Gaps)
{
    public TimeSpan RecordedDuration => Recorded.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);

    public TimeSpan MissingDuration => Gaps.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
}
