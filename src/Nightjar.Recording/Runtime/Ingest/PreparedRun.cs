using Nightjar.Media.Ffmpeg;

namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>One ffmpeg start: its run id and directory (created, empty) and the command that writes into it.</summary>
/// <param name="Run">The supervisor's run number.</param>
/// <param name="RunId">Names the run directory (start time in unix milliseconds, see <c>SegmentPathScheme.NewRunId</c>).</param>
/// <param name="RelativeDirectory">The run directory relative to the storage root.</param>
/// <param name="FullDirectory">The run directory.</param>
/// <param name="Command">The ingest command; it holds the source password, never print its arguments.</param>
internal sealed record PreparedRun(int Run, string RunId, string RelativeDirectory, string FullDirectory, FfmpegCommand Command);
