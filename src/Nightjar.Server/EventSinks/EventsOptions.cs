using Nightjar.Recording.EventSinks;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.EventSinks;

/// <summary>The event API, server-sent events and sink delivery (section <c>Events</c>, <c>NIGHTJAR__EVENTS__...</c>).</summary>
internal sealed class EventsOptions : INightjarOptions
{
    public static string SectionName => "Events";

    /// <summary>Seconds between <c>: ping</c> comments on an open event stream (keeps proxies from closing it).</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>Events one stream client may fall behind before it is disconnected (it resumes with Last-Event-ID).</summary>
    public int StreamBufferEvents { get; set; } = 1000;

    /// <summary>Most journal events one history page examines before it answers with what it found.</summary>
    public int ScanBudget { get; set; } = 10_000;

    /// <summary>Deadline of one sink POST.</summary>
    public int SinkTimeoutSeconds { get; set; } = 10;

    /// <summary>First retry delay of a failed sink batch (doubles per failure, with jitter).</summary>
    public double SinkMinBackoffSeconds { get; set; } = 1;

    /// <summary>Longest retry delay of a failed sink batch.</summary>
    public double SinkMaxBackoffSeconds { get; set; } = 60;

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(HeartbeatSeconds);

    public EventSinkOptions ToSinkOptions() => new()
    {
        RequestTimeout = TimeSpan.FromSeconds(SinkTimeoutSeconds),
        MinBackoff = TimeSpan.FromSeconds(SinkMinBackoffSeconds),
        MaxBackoff = TimeSpan.FromSeconds(SinkMaxBackoffSeconds),
    };

    public void Validate(ConfigurationErrorCollector errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range(nameof(HeartbeatSeconds), HeartbeatSeconds, 1, 300);
        errors.Range(nameof(StreamBufferEvents), StreamBufferEvents, 10, 100_000);
        errors.Range(nameof(ScanBudget), ScanBudget, 100, 1_000_000);
        errors.Range(nameof(SinkTimeoutSeconds), SinkTimeoutSeconds, 1, 300);
        errors.Range(nameof(SinkMinBackoffSeconds), SinkMinBackoffSeconds, 0.01, 3600);
        errors.Range(nameof(SinkMaxBackoffSeconds), SinkMaxBackoffSeconds, 0.01, 3600);
        if (SinkMaxBackoffSeconds < SinkMinBackoffSeconds)
        {
            errors.Add(nameof(SinkMaxBackoffSeconds), "must not be below SinkMinBackoffSeconds");
        }
    }
}
