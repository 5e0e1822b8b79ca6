using System.Globalization;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>
/// Checks on the few values a device's event carries into our journal, logs and metrics. A device is not trusted:
/// type names, regions and targets must be short tokens, channels small numbers, times carry their offset.
/// </summary>
internal static class DeviceText
{
    public const int MaxTypeLength = 64;
    public const int MaxTokenLength = 32;
    public const int MaxChannel = 65_535;

    /// <summary>A token of letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, or null.</summary>
    public static string? Token(string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > maxLength)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return null;
            }
        }

        return text;
    }

    public static int? Channel(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var channel) && channel <= MaxChannel
            ? channel
            : null;

    /// <summary>
    /// An ISO 8601 time with its offset (<c>2017-05-04T11:20:02+08:00</c>, <c>...Z</c>). Without an offset the device's
    /// zone is unknown, so the caller uses arrival time instead of guessing.
    /// </summary>
    public static DateTimeOffset? Time(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 40 || !HasOffset(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        // "+08:00", "-0500", "+08" after the time part.
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return t > 0 && text.AsSpan(t).IndexOfAny('+', '-') > 0;
    }
}
