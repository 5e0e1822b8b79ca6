namespace Nightjar.Recording.Timeline;

/// <summary>A half-open interval of wall-clock time, [<see cref="Start"/>, <see cref="End"/>).</summary>
public readonly record struct TimeRange
{
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public TimeRange(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new ArgumentException("A range cannot end before it starts.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Duration => End - Start;

    public bool IsEmpty => End == Start;

    /// <summary>The range from unix seconds (the media URLs' <c>from</c> and <c>duration</c>).</summary>
    public static TimeRange FromUnixSeconds(long from, long durationSeconds) =>
        new(DateTimeOffset.FromUnixTimeSeconds(from), DateTimeOffset.FromUnixTimeSeconds(from).AddSeconds(durationSeconds));

    public override string ToString() => $"[{Start:O}, {End:O})";
}
