using System.Globalization;

namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// Reads ffmpeg's <c>-progress</c> output line by line (<c>key=value</c>, a block ends with
/// <c>progress=continue</c> or <c>progress=end</c>). Unknown keys and unreadable values are skipped:
/// a newer ffmpeg adding keys must not break the heartbeat.
/// </summary>
internal sealed class FfmpegProgressParser
{
    private long _frame;
    private double _fps;
    private double? _bitrate;
    private long? _totalSize;
    private TimeSpan? _outTime;
    private long _dup;
    private long _drop;
    private double? _speed;

    /// <summary>Feeds one line; returns the block when the line closes one.</summary>
    public FfmpegProgress? Feed(ReadOnlySpan<char> line)
    {
        var separator = line.IndexOf('=');
        if (separator <= 0)
        {
            return null;
        }

        var key = line[..separator].Trim();
        var value = line[(separator + 1)..].Trim();
        switch (key)
        {
            case "frame":
                _frame = ParseLong(value) ?? _frame;
                break;
            case "fps":
                _fps = ParseDouble(value) ?? _fps;
                break;
            case "bitrate":
                _bitrate = ParseDouble(StripSuffix(value, "kbits/s"));
                break;
            case "total_size":
                _totalSize = ParseLong(value);
                break;
            case "out_time_us":
                _outTime = ParseLong(value) is { } us and >= 0 and < long.MaxValue / 10 ? TimeSpan.FromMicroseconds(us) : null;
                break;
            case "dup_frames":
                _dup = ParseLong(value) ?? _dup;
                break;
            case "drop_frames":
                _drop = ParseLong(value) ?? _drop;
                break;
            case "speed":
                _speed = ParseDouble(StripSuffix(value, "x"));
                break;
            case "progress":
                return new FfmpegProgress(_frame, _fps, _bitrate, _totalSize, _outTime, _dup, _drop, _speed, value.SequenceEqual("end"));
            default:
                break;
        }

        return null;
    }

    private static ReadOnlySpan<char> StripSuffix(ReadOnlySpan<char> value, string suffix) =>
        value.EndsWith(suffix, StringComparison.Ordinal) ? value[..^suffix.Length] : value;

    private static long? ParseLong(ReadOnlySpan<char> value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result : null;

    private static double? ParseDouble(ReadOnlySpan<char> value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) && double.IsFinite(result) ? result : null;
}
