namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// Decides that a process is stalled: no progress advance (frames, media time or bytes) for
/// <c>timeout</c>, counted from the end of a start-up <c>grace</c> at the earliest. ffmpeg keeps
/// writing progress blocks while its input is stuck, so a block alone is not an advance. Pure:
/// the caller passes the time. Not thread-safe.
/// </summary>
public sealed class StallDetector(TimeSpan timeout, TimeSpan grace)
{
    private DateTimeOffset _startedAt;
    private DateTimeOffset _lastAdvance;
    private long _frame = -1;
    private TimeSpan _outTime = TimeSpan.MinValue;
    private long _size = -1;

    public TimeSpan Timeout { get; } = timeout;

    public TimeSpan Grace { get; } = grace;

    /// <summary>A new process started at <paramref name="now"/>.</summary>
    public void Reset(DateTimeOffset now)
    {
        _startedAt = now;
        _lastAdvance = now;
        _frame = -1;
        _outTime = TimeSpan.MinValue;
        _size = -1;
    }

    /// <summary>Records a progress block; returns true when it shows an advance.</summary>
    public bool Observe(FfmpegProgress progress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var advanced = false;
        if (progress.Frame > _frame)
        {
            advanced |= _frame >= 0 || progress.Frame > 0;
            _frame = progress.Frame;
        }

        if (progress.OutTime is { } outTime && outTime > _outTime)
        {
            advanced |= _outTime != TimeSpan.MinValue || outTime > TimeSpan.Zero;
            _outTime = outTime;
        }

        if (progress.TotalSize is { } size && size > _size)
        {
            advanced |= _size >= 0 || size > 0;
            _size = size;
        }

        if (advanced)
        {
            _lastAdvance = now;
        }

        return advanced;
    }

    /// <summary>Time since the last advance (or the start).</summary>
    public TimeSpan SinceLastAdvance(DateTimeOffset now) => now - _lastAdvance;

    public bool IsStalled(DateTimeOffset now)
    {
        var graceEnd = _startedAt + Grace;
        var reference = _lastAdvance > graceEnd ? _lastAdvance : graceEnd;
        return now - reference >= Timeout;
    }
}
