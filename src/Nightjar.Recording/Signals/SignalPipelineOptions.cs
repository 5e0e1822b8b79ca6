namespace Nightjar.Recording.Signals;

/// <summary>Settings of the <see cref="CameraSignalPipeline"/>.</summary>
public sealed record SignalPipelineOptions
{
    /// <summary>
    /// A motion window open longer than this is closed with <c>max_duration</c> (a device stuck in "active" must not
    /// protect its camera's recordings forever). Default 1 h, between 1 s and 7 d.
    /// </summary>
    public TimeSpan MaxMotionLength { get; init; } = TimeSpan.FromHours(1);

    /// <summary>While a window is open, how often the camera's actor checks that the camera still exists (closing with <c>source_lost</c> otherwise). Default 10 s.</summary>
    public TimeSpan SourceCheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a report may wait for its camera's actor (recovery included) before failing. Default 10 s.</summary>
    public TimeSpan ReportTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (MaxMotionLength < TimeSpan.FromSeconds(1) || MaxMotionLength > TimeSpan.FromDays(7))
        {
            throw new ArgumentException("MaxMotionLength must be between 1 s and 7 d.", nameof(MaxMotionLength));
        }

        if (SourceCheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("SourceCheckInterval must be positive.", nameof(SourceCheckInterval));
        }

        if (ReportTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ReportTimeout must be positive.", nameof(ReportTimeout));
        }
    }
}
