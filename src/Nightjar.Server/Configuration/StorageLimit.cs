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
internal readonly partial record struct StorageLimit : IParsable<StorageLimit>
{
    public const int MaxLength = 64;

    /// <summary>About a hundred years: anything longer is a typo, and it keeps TimeSpan far from overflow.</summary>
    public static readonly TimeSpan MaxDepth = TimeSpan.FromDays(36_500);

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
