namespace Nightjar.Media.Segments;

/// <summary>The parts of a segment path (see <see cref="SegmentPathScheme"/>).</summary>
/// <param name="Source">The recorded source (a camera, in the domain's words).</param>
/// <param name="Stream">The stream of the source (<c>main</c>, <c>sub</c>).</param>
/// <param name="RunDay">UTC day the run started (the date directories).</param>
/// <param name="RunId">The run directory name.</param>
/// <param name="NameTime">The time in the file name: when ffmpeg opened it, to the second.</param>
public readonly record struct SegmentPathParts(string Source, string Stream, DateOnly RunDay, string RunId, DateTimeOffset NameTime);
