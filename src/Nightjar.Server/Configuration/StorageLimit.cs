using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Nightjar.Server.Configuration;

/// <summary>
/// The limit of one storage root: a share of the filesystem (<c>50%</c>) or a size (<c>500GB</c>),
/// optionally followed by a retention depth (<c>50% 7d</c>, the Flussonic short form).
/// </summary>
/// <remarks>
/// Sizes use decimal units (KB = 1000 B, as disks are sold) or binary units (KiB = 1024 B).
/// Depths use <c>m</c> (minutes), <c>h</c> (hours) or <c>d</c> (days).
/// The space part is required: a root without a space limit could fill its disk.
/// </remarks>
internal readonly record struct StorageLimit : IParsable<StorageLimit>
{
    public const int MaxLength = 64;

    /// <summary>About a hundred years: anything longer is a typo, and it keeps TimeSpan far from overflow.</summary>
    public static readonly TimeSpan MaxDepth = TimeSpan.FromDays(36_500);

    private const string Expected =
        "expected a share of the filesystem ('90%'), a size ('500GB'; units B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB), "
        + "optionally followed by a depth ('50% 7d'; units m, h, d)";

    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.");

    private static readonly (string Suffix, long Multiplier)[] SizeUnits =
    [
        // Longest suffixes first so "GiB" is not read as "B".
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40), ("PiB", 1L << 50),
        ("KB", 1_000L), ("MB", 1_000_000L), ("GB", 1_000_000_000L), ("TB", 1_000_000_000_000L), ("PB", 1_000_000_000_000_000L),
        ("B", 1L),
    ];

    private StorageLimit(double? percent, long? bytes, TimeSpan? depth)
    {
        Percent = percent;
        Bytes = bytes;
        Depth = depth;
    }

    /// <summary>Share of the filesystem in percent, in (0, 100]; null when the limit is a size.</summary>
    public double? Percent { get; }

    /// <summary>Absolute size in bytes; null when the limit is a percentage.</summary>
    public long? Bytes { get; }

    /// <summary>Retention depth of the root, if any.</summary>
    public TimeSpan? Depth { get; }

    public static StorageLimit FromPercent(double percent, TimeSpan? depth = null) =>
        Create(percent, null, depth);

    public static StorageLimit FromBytes(long bytes, TimeSpan? depth = null) =>
        Create(null, bytes, depth);

    /// <summary>The space this limit allows on a filesystem of the given capacity.</summary>
    public long ResolveBytes(long filesystemCapacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(filesystemCapacityBytes);
        if (Bytes is { } bytes)
        {
            return bytes;
        }

        if (Percent is { } percent)
        {
            return (long)Math.Floor(filesystemCapacityBytes * (decimal)percent / 100m);
        }

        throw new InvalidOperationException("A default StorageLimit has no space part.");
    }

    public static StorageLimit Parse(string s) =>
        TryParse(s, out var result, out var error) ? result : throw new FormatException(error);

    public static StorageLimit Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out StorageLimit result) =>
        TryParse(s, out result, out _);

    /// <summary>Parses without throwing; on failure <paramref name="error"/> is a one-line message.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? s,
        out StorageLimit result,
        [NotNullWhen(false)] out string? error)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(s))
        {
            error = $"is empty; {Expected}";
            return false;
        }

        if (s.Length > MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"is too long ({s.Length} characters, at most {MaxLength}); {Expected}");
            return false;
        }

        var tokens = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        double? percent = null;
        long? bytes = null;
        TimeSpan? depth = null;

        if (tokens.Length > 2)
        {
            return Fail(s, "has more than two parts", out error);
        }

        foreach (var token in tokens)
        {
            if (IsDepthToken(token))
            {
                if (depth is not null)
                {
                    return Fail(s, "has two depths", out error);
                }

                if (!TryParseDepth(token, out var parsedDepth, out var reason))
                {
                    return Fail(s, reason, out error);
                }

                depth = parsedDepth;
            }
            else
            {
                if (percent is not null || bytes is not null)
                {
                    return Fail(s, "has two space limits", out error);
                }

                if (!TryParseSpace(token, out percent, out bytes, out var reason))
                {
                    return Fail(s, reason, out error);
                }
            }
        }

        if (percent is null && bytes is null)
        {
            return Fail(s, "has a depth but no space limit (a root needs one, e.g. '90% 7d')", out error);
        }

        result = new StorageLimit(percent, bytes, depth);
        error = null;
        return true;
    }

    public override string ToString()
    {
        var space = (Percent, Bytes) switch
        {
            ({ } p, _) => p.ToString(CultureInfo.InvariantCulture) + "%",
            (_, { } b) => FormatBytes(b),
            _ => "(none)",
        };
        return Depth is { } d ? $"{space} {FormatDepth(d)}" : space;
    }

    private static StorageLimit Create(double? percent, long? bytes, TimeSpan? depth)
    {
        if (percent is { } p && !(p > 0 && p <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), p, "A percentage must be greater than 0 and at most 100.");
        }

        if (bytes is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "A size must be at least 1 byte.");
        }

        if (depth is { } d && (d <= TimeSpan.Zero || d > MaxDepth || d.Ticks % TimeSpan.TicksPerMinute != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(depth), d, "A depth must be a positive whole number of minutes, at most MaxDepth.");
        }

        return new StorageLimit(percent, bytes, depth);
    }

    private static bool IsDepthToken(string token) =>
        token.Length >= 2
        && char.IsAsciiDigit(token[0])
        && token[^1] is 'm' or 'M' or 'h' or 'H' or 'd' or 'D'
        && !token.AsSpan(0, token.Length - 1).ContainsAnyExceptInRange('0', '9');

    private static bool TryParseDepth(string token, out TimeSpan depth, [NotNullWhen(false)] out string? reason)
    {
        depth = default;
        var digits = token.AsSpan(0, token.Length - 1);
        var unit = char.ToLowerInvariant(token[^1]);
        var unitSpan = unit switch { 'm' => TimeSpan.FromMinutes(1), 'h' => TimeSpan.FromHours(1), _ => TimeSpan.FromDays(1) };
        var maxUnits = MaxDepth.Ticks / unitSpan.Ticks;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > maxUnits)
        {
            reason = $"depth '{token}' is longer than {MaxDepth.TotalDays.ToString(CultureInfo.InvariantCulture)} days";
            return false;
        }

        if (count == 0)
        {
            reason = $"depth '{token}' must be greater than zero";
            return false;
        }

        depth = TimeSpan.FromTicks(count * unitSpan.Ticks);
        reason = null;
        return true;
    }

    private static bool TryParseSpace(string token, out double? percent, out long? bytes, [NotNullWhen(false)] out string? reason)
    {
        percent = null;
        bytes = null;
        if (token.EndsWith('%'))
        {
            if (!TryParseNumber(token.AsSpan(0, token.Length - 1), out var value) || value <= 0m || value > 100m)
            {
                reason = $"percentage '{Printable(token)}' must be a number greater than 0 and at most 100";
                return false;
            }

            percent = (double)value;
            reason = null;
            return true;
        }

        foreach (var (suffix, multiplier) in SizeUnits)
        {
            if (!token.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                || !TryParseNumber(token.AsSpan(0, token.Length - suffix.Length), out var value))
            {
                continue;
            }

            // Compare before multiplying: decimal would overflow for absurd inputs.
            if (value > long.MaxValue / (decimal)multiplier)
            {
                reason = $"size '{Printable(token)}' is too large";
                return false;
            }

            var total = decimal.Floor(value * multiplier);
            if (total < 1m)
            {
                reason = $"size '{Printable(token)}' must be at least 1 byte";
                return false;
            }

            bytes = (long)total;
            reason = null;
            return true;
        }

        reason = DescribeBadSize(token);
        return false;
    }

    private static string DescribeBadSize(string token)
    {
        var numberEnd = token.AsSpan().IndexOfAnyExcept(NumberChars);
        if (numberEnd < 0)
        {
            return $"size '{Printable(token)}' has no unit";
        }

        if (numberEnd == 0)
        {
            return SizeUnits.Any(u => token.EndsWith(u.Suffix, StringComparison.OrdinalIgnoreCase))
                ? $"size '{Printable(token)}' does not start with a number"
                : $"'{Printable(token)}' is neither a percentage, a size nor a depth";
        }

        var unit = token[numberEnd..];
        return unit.AsSpan().IndexOfAny(NumberChars) >= 0 || !TryParseNumber(token.AsSpan(0, numberEnd), out _)
            ? $"size '{Printable(token)}' is not a number followed by a unit"
            : $"size '{Printable(token)}' has an unknown unit '{Printable(unit)}'";
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        // Digits and one decimal point only: no signs, exponents, separators or white space.
        return text.Length > 0
            && char.IsAsciiDigit(text[0])
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool Fail(string input, string reason, out string error)
    {
        error = $"'{Printable(input)}' is not a valid storage limit: {reason}; {Expected}";
        return false;
    }

    /// <summary>Keeps error messages on one line whatever the input held.</summary>
    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }

    private static string FormatBytes(long bytes)
    {
        // Largest decimal unit that divides exactly, so ToString round-trips through Parse.
        foreach (var (suffix, multiplier) in SizeUnits.Where(u => !u.Suffix.Contains('i', StringComparison.Ordinal)).OrderByDescending(u => u.Multiplier))
        {
            if (bytes % multiplier == 0)
            {
                return (bytes / multiplier).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + "B";
    }

    private static string FormatDepth(TimeSpan depth) =>
        depth.Ticks % TimeSpan.TicksPerDay == 0 ? ((long)depth.TotalDays).ToString(CultureInfo.InvariantCulture) + "d"
        : depth.Ticks % TimeSpan.TicksPerHour == 0 ? ((long)depth.TotalHours).ToString(CultureInfo.InvariantCulture) + "h"
        : ((long)depth.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
}
