namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// Delays between restarts of a supervised process: 1, 2, 5, 10, 30 s and 30 s from then on;
/// back to the start after a run that stayed up for <c>healthyRun</c>. Pure: the caller says how
/// long the last run lasted. Not thread-safe.
/// </summary>
public sealed class RestartBackoff
{
    /// <summary>The default schedule (media.md 7.1).</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultSchedule =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    private readonly IReadOnlyList<TimeSpan> _schedule;
    private readonly TimeSpan _healthyRun;
    private int _attempt;

    public RestartBackoff(IReadOnlyList<TimeSpan> schedule, TimeSpan healthyRun)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Count == 0 || schedule.Any(d => d < TimeSpan.Zero))
        {
            throw new ArgumentException("The schedule needs at least one non-negative delay.", nameof(schedule));
        }

        _schedule = schedule;
        _healthyRun = healthyRun;
    }

    /// <summary>Restarts since the last healthy run.</summary>
    public int Attempt => _attempt;

    /// <summary>The delay before the next start, given how long the run that just ended was up.</summary>
    public TimeSpan Next(TimeSpan lastRunUptime)
    {
        if (lastRunUptime >= _healthyRun)
        {
            _attempt = 0;
        }

        var delay = _schedule[Math.Min(_attempt, _schedule.Count - 1)];
        _attempt++;
        return delay;
    }

    public void Reset() => _attempt = 0;
}
