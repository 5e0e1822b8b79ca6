using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Nightjar.Persistence;

/// <summary>
/// A position in the journal's global event feed (events by tag, all events). Treat it as opaque: store it,
/// compare it, pass it back (<c>?after=</c> in the HTTP event API uses <see cref="ToString()"/> and
/// <see cref="TryParse(string?, out JournalOffset)"/>).
/// </summary>
/// <remarks>
/// On PostgreSQL the feed is ordered by (writing transaction id, ordering): an event becomes visible only when every
/// transaction with a lower id has finished, so a slow committer stalls the feed but is never skipped. On SQLite writes
/// are serialized, the ordering column is commit order and <see cref="TransactionId"/> is always 0.
/// </remarks>
[JsonConverter(typeof(JournalOffsetJsonConverter))]
public readonly record struct JournalOffset(ulong TransactionId, long Ordering)
    : IComparable<JournalOffset>, ISpanParsable<JournalOffset>, ISpanFormattable
{
    // "18446744073709551615-9223372036854775807": anything longer is not an offset, so reject before parsing.
    private const int MaxLength = 40;
    private const char Separator = '-';

    /// <summary>Before the first event: reading after it returns the whole feed.</summary>
    public static JournalOffset Start => default;

    public int CompareTo(JournalOffset other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Ordering.CompareTo(other.Ordering);
    }

    public static bool operator <(JournalOffset left, JournalOffset right) => left.CompareTo(right) < 0;

    public static bool operator >(JournalOffset left, JournalOffset right) => left.CompareTo(right) > 0;

    public static bool operator <=(JournalOffset left, JournalOffset right) => left.CompareTo(right) <= 0;

    public static bool operator >=(JournalOffset left, JournalOffset right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{TransactionId}{Separator}{Ordering}");

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{TransactionId}{Separator}{Ordering}", out charsWritten);

    public static JournalOffset Parse(string s) => Parse(s, provider: null);

    public static JournalOffset Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    public static JournalOffset Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var offset)
            ? offset
            : throw new FormatException("A journal offset looks like '<transaction>-<ordering>' with two unsigned decimal numbers, e.g. '0-42'.");

    public static bool TryParse([NotNullWhen(true)] string? s, out JournalOffset result) =>
        TryParse(s.AsSpan(), provider: null, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out JournalOffset result) =>
        TryParse(s.AsSpan(), provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out JournalOffset result)
    {
        result = default;
        if (s.IsEmpty || s.Length > MaxLength)
        {
            return false;
        }

        var separator = s.IndexOf(Separator);
        if (separator <= 0 || separator == s.Length - 1)
        {
            return false;
        }

        var transactionPart = s[..separator];
        var orderingPart = s[(separator + 1)..];
        // NumberStyles.None: no sign, no whitespace, no thousands separators, so every offset has one spelling.
        if (!IsDigits(transactionPart) || !IsDigits(orderingPart)
            || !ulong.TryParse(transactionPart, NumberStyles.None, CultureInfo.InvariantCulture, out var transactionId)
            || !long.TryParse(orderingPart, NumberStyles.None, CultureInfo.InvariantCulture, out var ordering))
        {
            return false;
        }

        result = new JournalOffset(transactionId, ordering);
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        // No leading zeros either: "0-053" and "0-53" must not both name one offset.
        if (span.Length > 1 && span[0] == '0')
        {
            return false;
        }

        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
