using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Nightjar.Media.Segments;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime.Archive;

/// <summary>
/// The opaque key of a recording file in HLS URLs: <c>{yyyyMMdd}.{runId}.{unixSeconds}</c>, i.e. the file's place in
/// <see cref="SegmentPathScheme"/> below its camera and stream.
/// </summary>
/// <remarks>
/// Why the path and not the catalog id: <see cref="IRecordingArchive.ResolveChunkFile"/> is synchronous (it sits on
/// every chunk request), so a key must resolve without a database round trip; and a file keeps the same key while it
/// is being written and after it is closed, so live chunks listed before the close stay valid, and archive playlists
/// cached by players survive a node restart. Keys use only <c>[A-Za-z0-9._-]</c>, so they are URL-safe as they are.
/// </remarks>
internal readonly record struct SegmentKey(DateOnly RunDay, string RunId, long Seconds)
{
    private const int MaxLength = 8 + 1 + 64 + 1 + 12;

    /// <summary>The key of a file given by its path relative to the storage root, or null when the path is not a segment path.</summary>
    public static SegmentKey? FromRelativePath(string relativePath) =>
        SegmentPathScheme.TryParse(relativePath, out var parts)
            ? new SegmentKey(parts.RunDay, parts.RunId, parts.NameTime.ToUnixTimeSeconds())
            : null;

    /// <summary>Parses a key from a URL; false for anything that is not exactly a key.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SegmentKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length != 3
            || parts[0].Length != 8
            || !DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !SegmentPathScheme.IsValidName(parts[1])
            || parts[2].Length is 0 or > 12
            || !parts[2].All(char.IsAsciiDigit)
            || (parts[2].Length > 1 && parts[2][0] == '0')
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        key = new SegmentKey(day, parts[1], seconds);
        return true;
    }

    /// <summary>The file's path relative to the storage root.</summary>
    public string ToRelativePath(CameraId camera, string stream)
    {
        var runStart = new DateTimeOffset(RunDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var directory = SegmentPathScheme.RunDirectory(camera.Value, stream, runStart, RunId);
        return SegmentPathScheme.SegmentPath(directory, DateTimeOffset.FromUnixTimeSeconds(Seconds));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RunDay:yyyyMMdd}.{RunId}.{Seconds}");
}
