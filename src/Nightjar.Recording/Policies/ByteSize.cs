using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Nightjar.Recording.Policies;

/// <summary>
/// A size in bytes, written as a number and a unit: <c>100GB</c>, <c>500MB</c>, <c>1.5TB</c>, <c>64GiB</c>.
/// </summary>
/// <remarks>
/// Decimal units (<c>KB</c> = 1000 B, as disks are sold and as DESIGN.md writes <c>100GB</c>) and binary
/// units (<c>KiB</c> = 1024 B) are both accepted; units are case-insensitive and always mean bytes, never bits.
/// A fraction is allowed (<c>1.5TB</c>) and the result is rounded down to whole bytes. This is the same
/// unit table as the server's storage-root limit, so one size reads the same everywhere.
/// </remarks>
[JsonConverter(typeof(ByteSizeJsonConverter))]
public readonly record struct ByteSize : IComparable<ByteSize>
{
    /// <summary>Longest accepted text.</summary>
    public const int MaxLength = 32;

    /// <summary>What the syntax looks like, for error messages.</summary>
    public const string Expected = "a size such as 100GB, 500MB or 1.5TB (units B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB)";

    private const int MaxIntegerDigits = 19;
    private const int MaxFractionDigits = 6;

    // Longest suffixes first so "GiB" is never read as "B". Also the order Format() tries them in.
    private static readonly (string Suffix, long Multiplier)[] Units =
    [
        ("PiB", 1L << 50), ("PB", 1_000_000_000_000_000L), ("TiB", 1L << 40), ("TB", 1_000_000_000_000L),
        ("GiB", 1L << 30), ("GB", 1_000_000_000L), ("MiB", 1L << 20), ("MB", 1_000_000L),
        ("KiB", 1L << 10), ("KB", 1_000L), ("B", 1L),
    ];

    public ByteSize(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Bytes = bytes;
    }

    public long Bytes { get; }

    public static ByteSize FromGigabytes(long gigabytes) => new(checked(gigabytes * 1_000_000_000L));

    public static ByteSize Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Parses without throwing. Zero (<c>0GB</c>) parses; callers that need a positive size check it.</summary>
    /// <param name="text">The text to parse; null and empty fail.</param>
    /// <param name="value">The parsed value, or zero on failure.</param>
    /// <param name="error">On failure, a message that does not repeat the input.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out ByteSize value, [NotNullWhen(false)] out string? error)
    {
        value = default;
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

        foreach (var (suffix, multiplier) in Units)
        {
            if (!text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!TryParseNumber(text.AsSpan(0, text.Length - suffix.Length), out var number))
            {
                error = "is not valid; expected " + Expected;
                return false;
            }

            // Compare before multiplying: decimal itself would overflow for absurd inputs.
            if (number > long.MaxValue / (decimal)multiplier)
            {
                error = "is too large";
                return false;
            }

            value = new ByteSize((long)decimal.Floor(number * multiplier));
            error = null;
            return true;
        }

        error = "has no unit; expected " + Expected;
        return false;
    }

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    /// <summary>The canonical text: the largest unit that divides the size exactly (<c>1.5TB</c> gives <c>1500GB</c>).</summary>
    public override string ToString()
    {
        if (Bytes == 0)
        {
            return "0B";
        }

        foreach (var (suffix, multiplier) in Units)
        {
            if (Bytes % multiplier == 0)
            {
                return (Bytes / multiplier).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        throw new InvalidOperationException("Unreachable: every size is a whole number of bytes.");
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out decimal number)
    {
        number = 0;
        var dot = text.IndexOf('.');
        var integer = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (integer.IsEmpty || integer.Length > MaxIntegerDigits || integer.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        if (dot >= 0 && (fraction.IsEmpty || fraction.Length > MaxFractionDigits || fraction.ContainsAnyExceptInRange('0', '9')))
        {
            return false;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }
}
