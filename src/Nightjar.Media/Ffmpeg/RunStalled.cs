namespace Nightjar.Media.Ffmpeg;

/// <summary>A run made no progress for the stall timeout; it is being stopped and will be restarted.</summary>
public sealed record RunStalled(int Run, TimeSpan SinceLastProgress, DateTimeOffset At) : ISupervisorEvent;
