namespace Nightjar.Media.Ffmpeg;

/// <summary>Marker of the events a <see cref="ProcessSupervisor"/> reports.</summary>
public interface ISupervisorEvent
{
    /// <summary>The run the event belongs to.</summary>
    int Run { get; }

    DateTimeOffset At { get; }
}
