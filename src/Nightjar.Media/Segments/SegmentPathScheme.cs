using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightjar.Media.Segments;

/// <summary>
/// The on-disk layout of recordings under a storage root (media.md 7.4):
/// <code>{source}/{stream}/{yyyy}/{MM}/{dd}/{run}/{startUnixSeconds}.ts</code>
/// plus <c>{run}/segments.csv</c>, ffmpeg's list of closed segments.
/// </summary>
/// <remarks>
/// Why this shape: the date levels keep directories small and let retention drop whole days; the
/// run directory separates ffmpeg starts, so file names (ffmpeg's strftime <c>%s</c>, one-second
/// resolution) never collide across restarts, and a run boundary (an HLS discontinuity) is visible
/// on disk. The date is the UTC day the RUN started: ffmpeg's segment muxer does not create
/// directories, so a run that goes past midnight keeps writing into its start day's directory.
/// All names are ASCII, so paths are the same on every file system.
/// </remarks>
public static partial class SegmentPathScheme
{
    /// <summary>The segment file name pattern handed to ffmpeg's segment muxer (with strftime=1).</summary>
    public const string FfmpegFilePattern = "%s.ts";

    /// <summary>Name of ffmpeg's CSV list of closed segments inside a run directory.</summary>
    public const string SegmentListFileName = "segments.csv";

    /// <summary>Extension of segment files.</summary>
    public const string Extension = ".ts";

    /// <summary>Source, stream and run names: 1-64 of [A-Za-z0-9_-].</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>A new run id: the run's start in unix milliseconds, 13 digits, so ids sort by time.</summary>
    public static string NewRunId(DateTimeOffset runStart) =>
        runStart.ToUnixTimeMilliseconds().ToString("D13", CultureInfo.InvariantCulture);

    /// <summary>The run directory, relative to the root, '/'-separated.</summary>
    public static string RunDirectory(string source, string stream, DateTimeOffset runStart, string runId)
    {
        Require(source, nameof(source));
        Require(stream, nameof(stream));
        Require(runId, nameof(runId));
        var day = runStart.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{source}/{stream}/{day:yyyy}/{day:MM}/{day:dd}/{runId}");
    }

    /// <summary>A segment file path relative to the root (the name ffmpeg's <c>%s.ts</c> gives a file opened at <paramref name="start"/>).</summary>
    public static string SegmentPath(string runDirectory, DateTimeOffset start) =>
        string.Create(CultureInfo.InvariantCulture, $"{runDirectory}/{start.ToUnixTimeSeconds()}{Extension}");

    /// <summary>Reads a relative segment path back into its parts; false for anything else.</summary>
    public static bool TryParse(string relativePath, out SegmentPathParts parts)
    {
        parts = default;
        var match = PathPattern().Match(relativePath ?? string.Empty);
        if (!match.Success
            || !DateOnly.TryParseExact(
                $"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{match.Groups["d"].Value}",
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var day)
            || !long.TryParse(match.Groups["s"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253_402_300_799)
        {
            return false;
        }

        parts = new SegmentPathParts(
            match.Groups["source"].Value,
            match.Groups["stream"].Value,
            day,
            match.Groups["run"].Value,
            DateTimeOffset.FromUnixTimeSeconds(seconds));
        return true;
    }

    private static void Require(string value, string name)
    {
        if (!IsValidName(value))
        {
            throw new ArgumentException($"'{name}' must be 1-64 characters of [A-Za-z0-9_-].", name);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(
        @"^(?<source>[A-Za-z0-9_-]{1,64})/(?<stream>[A-Za-z0-9_-]{1,64})/(?<y>[0-9]{4})/(?<m>[0-9]{2})/(?<d>[0-9]{2})/(?<run>[A-Za-z0-9_-]{1,64})/(?<s>[0-9]{1,12})\.ts$",
        RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
