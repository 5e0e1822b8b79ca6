using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nightjar.Server.Playback;

/// <summary>
/// The <c>{from}-{duration}</c> of an archive URL: UTC unix seconds and a duration in seconds, or <c>now</c> for a
/// range that keeps growing. Parsed strictly: ASCII digits only (no sign, spaces or exponents), duration 1 s to
/// <see cref="PlaybackLimits.MaxRange"/>.
/// </summary>
/// <param name="From">Start of the range.</param>
/// <param name="To">End of the range (exclusive); null for <c>now</c>.</param>
internal sealed record ArchiveRange(DateTimeOffset From, DateTimeOffset? To)
{
    public const string Now = "now";
    private const int MaxDigits = 12;

    public bool IsOpenEnded => To is null;

    /// <summary>Seconds from <see cref="From"/> to <see cref="To"/>; null when open-ended.</summary>
    public long? DurationSeconds => To is { } to ? (long)(to - From).TotalSeconds : null;

    /// <param name="from">The <c>{from}</c> route value.</param>
    /// <param name="duration">The <c>{duration}</c> route value.</param>
    /// <param name="allowNow">Whether <c>now</c> is accepted (playlists yes, exports no).</param>
    /// <param name="range">The range when valid.</param>
    /// <param name="error">Why it is not, for a 400 answer.</param>
    public static bool TryParse(string? from, string? duration, bool allowNow, [NotNullWhen(true)] out ArchiveRange? range, [NotNullWhen(false)] out string? error)
    {
        range = null;
        if (!TryParseUnixSeconds(from, out var start))
        {
            error = "'from' must be a time in UTC unix seconds (digits only).";
            return false;
        }

        if (allowNow && string.Equals(duration, Now, StringComparison.Ordinal))
        {
            range = new ArchiveRange(start, null);
            error = null;
            return true;
        }

        var maxSeconds = (long)PlaybackLimits.MaxRange.TotalSeconds;
        if (!TryParseDigits(duration, out var seconds) || seconds < 1 || seconds > maxSeconds)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"'duration' must be whole seconds from 1 to {maxSeconds} ({PlaybackLimits.MaxRange.TotalDays:0} days){(allowNow ? ", or 'now'" : string.Empty)}.");
            return false;
        }

        range = new ArchiveRange(start, start.AddSeconds(seconds));
        error = null;
        return true;
    }

    /// <summary>Unix seconds, digits only, from 0 to <see cref="PlaybackLimits.MaxUnixSeconds"/>.</summary>
    public static bool TryParseUnixSeconds(string? text, out DateTimeOffset time)
    {
        time = default;
        if (!TryParseDigits(text, out var seconds) || seconds > PlaybackLimits.MaxUnixSeconds)
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static bool TryParseDigits(string? text, out long value)
    {
        value = 0;
        return text is { Length: > 0 and <= MaxDigits }
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
