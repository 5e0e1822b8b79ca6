namespace Nightjar.Recording.EventSinks;

/// <summary>How sinks are delivered to (the server binds them from the <c>Events</c> configuration section).</summary>
public sealed class EventSinkOptions
{
    /// <summary>Deadline of one POST, connection included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First retry delay after a failed batch; doubles per failure.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest retry delay.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often sink definitions are re-read from the journal (changes by other nodes); local changes apply at once.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After this many journal events that matched no filter, the position is saved anyway so a restart does not rescan them.</summary>
    public int SkippedEventsPerSave { get; set; } = 1000;

    /// <summary>Acknowledgements kept per sink; older ones are deleted from the journal (only the latest matters).</summary>
    public int AcknowledgementsKept { get; set; } = 16;
}
