namespace Nightjar.Media.Ffmpeg;

/// <summary>A progress block of the current run (about once a second): bit rate, frames, media time.</summary>
public sealed record RunProgress(int Run, FfmpegProgress Progress, DateTimeOffset At) : ISupervisorEvent;
