namespace Nightjar.Media.Ffmpeg;

/// <summary>A new run started: a new process, so a new HLS discontinuity.</summary>
public sealed record RunStarted(int Run, int ProcessId, DateTimeOffset At) : ISupervisorEvent;
