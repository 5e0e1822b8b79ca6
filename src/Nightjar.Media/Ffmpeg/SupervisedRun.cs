namespace Nightjar.Media.Ffmpeg;

/// <summary>One start of a supervised process: handed to the command factory before each start.</summary>
/// <param name="Run">Run number, 1 for the first start, +1 for each restart.</param>
/// <param name="StartedAt">When the supervisor starts it.</param>
public sealed record SupervisedRun(int Run, DateTimeOffset StartedAt);
