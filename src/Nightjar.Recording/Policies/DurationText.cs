using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Nightjar.Recording.Policies;

/// <summary>
/// The duration syntax of DVR policies: a number and a unit, or several from the largest unit down:
/// <c>7d</c>, <c>36h</c>, <c>30m</c>, <c>45s</c>, <c>1d12h</c>. Units are <c>d</c>, <c>h</c>, <c>m</c>
/// (minutes, never months) and <c>s</c>, case-insensitive; no spaces, signs or fractions.
/// </summary>
public static class DurationText
{
    /// <summary>Longest accepted text; longer input is rejected before it is looked at.</summary>
    public const int MaxLength = 32;

    /// <summary>What the syntax looks like, for error messages.</summary>
    public const string Expected = "a duration such as 7d, 36h, 30m, 45s or 1d12h (units d, h, m, s, largest first)";

    /// <summary>About a hundred years: anything longer is a typo, and it keeps date arithmetic far from overflow.</summary>
    public static readonly TimeSpan MaxValue = TimeSpan.FromDays(36_500);

    private const int MaxDigits = 9;

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Parses without throwing. Zero (<c>0s</c>) is a valid duration; callers that need more check it.</summary>
    /// <param name="text">The text to parse; null and empty fail.</param>
    /// <param name="value">The parsed value, or zero on failure.</param>
    /// <param name="error">On failure, a message that does not repeat the input (it may be long or hostile).</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            error = "is empty; expected " + Expected;
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"is too long (at most {MaxLength} characters); expected {Expected}");
            return false;
        }

        var total = 0L;
        var previousRank = int.MaxValue;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                error = "is not valid; expected " + Expected;
                return false;
            }

            if (i - start > MaxDigits)
            {
                error = "is too large (at most " + Format(MaxValue) + ")";
                return false;
            }

            if (i == text.Length)
            {
                error = "has a number without a unit; expected " + Expected;
                return false;
            }

            var (rank, unitTicks) = char.ToLowerInvariant(text[i]) switch
            {
                'd' => (3, TimeSpan.TicksPerDay),
                'h' => (2, TimeSpan.TicksPerHour),
                'm' => (1, TimeSpan.TicksPerMinute),
                's' => (0, TimeSpan.TicksPerSecond),
                _ => (-1, 0L),
            };
            if (rank < 0)
            {
                error = "has an unknown unit; expected " + Expected;
                return false;
            }

            if (rank >= previousRank)
            {
                error = "must give its units largest first and each at most once (d, h, m, s), e.g. 1d12h";
                return false;
            }

            previousRank = rank;
            var count = long.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);

            // Each part is checked on its own before summing, so no multiplication or sum can overflow.
            if (count > MaxValue.Ticks / unitTicks)
            {
                error = "is too large (at most " + Format(MaxValue) + ")";
                return false;
            }

            total += count * unitTicks;
            i++;
        }

        if (total > MaxValue.Ticks)
        {
            error = "is too large (at most " + Format(MaxValue) + ")";
            return false;
        }

        value = TimeSpan.FromTicks(total);
        error = null;
        return true;
    }

    /// <summary>
    /// The canonical text of a duration, largest units first (<c>36h</c> gives <c>1d12h</c>, zero gives <c>0s</c>).
    /// Fractions of a second are dropped. Parsing the result gives the same whole-second duration back.
    /// </summary>
    public static string Format(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        var seconds = value.Ticks / TimeSpan.TicksPerSecond;
        if (seconds == 0)
        {
            return "0s";
        }

        var text = new StringBuilder(16);
        Append(text, seconds / 86_400, 'd');
        Append(text, seconds / 3_600 % 24, 'h');
        Append(text, seconds / 60 % 60, 'm');
        Append(text, seconds % 60, 's');
        return text.ToString();
    }

    private static void Append(StringBuilder text, long count, char unit)
    {
        if (count > 0)
        {
            text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
