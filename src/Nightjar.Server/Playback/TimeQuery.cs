using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Nightjar.Recording.Timeline;

namespace Nightjar.Server.Playback;

/// <summary>
/// The <c>from</c> and <c>to</c> query parameters of the timeline endpoints. A time is UTC unix seconds
/// (<c>1763683200</c>), an RFC 3339 time with its offset (<c>2026-11-21T00:00:00Z</c>), or <c>now</c>. Without
/// <c>to</c> the window ends now; without <c>from</c> it starts <see cref="PlaybackLimits.DefaultTimelineWindow"/>
/// before its end. A window is at most <see cref="PlaybackLimits.MaxRange"/> long.
/// </summary>
internal static class TimeQuery
{
    private const int MaxLength = 40;
    private static readonly string[] Rfc3339Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>The window, or the reason for a 400.</summary>
    public static bool TryParseWindow(string? from, string? to, DateTimeOffset now, out TimeRange window, [NotNullWhen(false)] out string? error)
    {
        window = default;

        // Answers show the window: whole milliseconds read better than the clock's ticks.
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var end = now;
        if (!string.IsNullOrEmpty(to) && !TryParse(to, now, out end))
        {
            error = "'to' must be UTC unix seconds, an RFC 3339 time with an offset (2026-11-21T00:00:00Z), or 'now'.";
            return false;
        }

        var start = end - PlaybackLimits.DefaultTimelineWindow;
        if (!string.IsNullOrEmpty(from) && !TryParse(from, now, out start))
        {
            error = "'from' must be UTC unix seconds, an RFC 3339 time with an offset (2026-11-21T00:00:00Z), or 'now'.";
            return false;
        }

        if (end <= start)
        {
            error = "'to' must be after 'from'.";
            return false;
        }

        if (end - start > PlaybackLimits.MaxRange)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"A window is at most {PlaybackLimits.MaxRange.TotalDays:0} days long.");
            return false;
        }

        window = new TimeRange(start, end);
        error = null;
        return true;
    }

    /// <summary>One time value (see the type's summary).</summary>
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        time = default;
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }

        if (string.Equals(text, ArchiveRange.Now, StringComparison.Ordinal))
        {
            time = now;
            return true;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return ArchiveRange.TryParseUnixSeconds(text, out time);
        }

        // An RFC 3339 time must say its offset: a bare local time would depend on the server's zone.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset
            && DateTimeOffset.TryParseExact(text, Rfc3339Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out time);
    }
}
