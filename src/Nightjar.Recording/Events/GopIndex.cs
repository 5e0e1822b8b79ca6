using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Nightjar.Recording.Events;

/// <summary>
/// The keyframe index of one segment file: byte offset and 90 kHz time of each GOP (strictly increasing offsets,
/// non-decreasing times) and the time where the last GOP ends. It carries exactly what a GOP list of the TS indexer
/// carries (offset, length, PTS, duration per GOP, for contiguous GOPs), so converting either way loses nothing.
/// In JSON it is one compact string (<see cref="Encode"/>): a 60 s segment of 2 s GOPs takes about 250 characters
/// instead of kilobytes, which matters at one event per stream per minute.
/// </summary>
[JsonConverter(typeof(GopIndexJsonConverter))]
public sealed class GopIndex : IEquatable<GopIndex>
{
    /// <summary>Most GOPs one segment may hold (a 60 s segment with a keyframe every frame at 1000 fps is far below).</summary>
    public const int MaxEntries = 65_536;

    private const byte FormatVersion = 1;
    private const int MaxVarintBytes = 10;

    // Version byte + count + two varints per entry + duration, in base64url.
    private static readonly int MaxEncodedLength = Base64Url.GetEncodedLength(1 + MaxVarintBytes + (MaxEntries * 2 * MaxVarintBytes) + MaxVarintBytes);

    private GopIndex(ImmutableArray<GopEntry> entries, long clockDuration)
    {
        Entries = entries;
        ClockDuration = clockDuration;
    }

    public static GopIndex Empty { get; } = new([], 0);

    public ImmutableArray<GopEntry> Entries { get; }

    /// <summary>90 kHz units from the first keyframe to the end of the last GOP (the last frame's end).</summary>
    public long ClockDuration { get; }

    /// <summary><see cref="ClockDuration"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Duration => GopEntry.ToTimeSpan(ClockDuration);

    public int Count => Entries.Length;

    /// <param name="entries">The GOPs in file order.</param>
    /// <param name="clockDuration">Where the last GOP ends, in 90 kHz units from the first keyframe; not before the last GOP starts.</param>
    /// <exception cref="ArgumentException">Offsets are not strictly increasing, times decrease, a value is negative, or there are too many.</exception>
    public static GopIndex Create(IEnumerable<GopEntry> entries, long clockDuration)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToImmutableArray();
        return TryValidate(list, clockDuration, out var error) ? new GopIndex(list, clockDuration) : throw new ArgumentException(error, nameof(entries));
    }

    /// <summary>
    /// The compact form: base64url of a version byte, the count, per GOP the offset and time deltas, then the
    /// duration's delta from the last GOP's start, all as unsigned LEB128 varints.
    /// </summary>
    public string Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(16 + (Entries.Length * 6));
        buffer.Write([FormatVersion]);
        WriteVarint(buffer, (ulong)Entries.Length);
        long offset = 0, time = 0;
        foreach (var entry in Entries)
        {
            WriteVarint(buffer, (ulong)(entry.ByteOffset - offset));
            WriteVarint(buffer, (ulong)(entry.ClockOffset - time));
            offset = entry.ByteOffset;
            time = entry.ClockOffset;
        }

        WriteVarint(buffer, (ulong)(ClockDuration - time));
        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>Reads <see cref="Encode"/>'s output. Any other input fails with a reason, in time linear in its length.</summary>
    public static bool TryDecode(string? text, [NotNullWhen(true)] out GopIndex? index, [NotNullWhen(false)] out string? error)
    {
        index = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxEncodedLength || !Base64UrlText.IsValid(text))
        {
            error = "A GOP index must be a non-empty base64url string of bounded length.";
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            error = "A GOP index is not valid base64url.";
            return false;
        }

        var position = 0;
        if (bytes.Length == 0 || bytes[position++] != FormatVersion || !TryReadVarint(bytes, ref position, out var count) || count > MaxEntries)
        {
            error = "A GOP index has an unknown version or an invalid count.";
            return false;
        }

        // A claimed count is not trusted for the allocation: every entry needs at least two bytes.
        var entries = ImmutableArray.CreateBuilder<GopEntry>((int)Math.Min(count, (ulong)bytes.Length / 2));
        long offset = 0, time = 0;
        for (var i = 0UL; i < count; i++)
        {
            if (!TryReadVarint(bytes, ref position, out var offsetDelta) || !TryReadVarint(bytes, ref position, out var timeDelta)
                || offsetDelta > (ulong)(long.MaxValue - offset) || timeDelta > (ulong)(long.MaxValue - time))
            {
                error = "A GOP index is truncated or holds an out-of-range value.";
                return false;
            }

            offset += (long)offsetDelta;
            time += (long)timeDelta;
            entries.Add(new GopEntry(offset, time));
        }

        if (!TryReadVarint(bytes, ref position, out var durationDelta) || durationDelta > (ulong)(long.MaxValue - time))
        {
            error = "A GOP index is truncated or holds an out-of-range duration.";
            return false;
        }

        if (position != bytes.Length)
        {
            error = "A GOP index has trailing bytes.";
            return false;
        }

        var list = entries.ToImmutable();
        var clockDuration = time + (long)durationDelta;
        if (!TryValidate(list, clockDuration, out error))
        {
            return false;
        }

        index = new GopIndex(list, clockDuration);
        return true;
    }

    /// <summary>The GOPs as byte ranges with durations, given the file's final size (<see cref="SegmentRecorded.Bytes"/>).</summary>
    /// <exception cref="ArgumentException">The file ends before its last GOP starts.</exception>
    public IEnumerable<GopChunk> Chunks(long fileBytes)
    {
        if (!Entries.IsEmpty && fileBytes <= Entries[^1].ByteOffset)
        {
            throw new ArgumentException("The file ends before its last GOP starts.", nameof(fileBytes));
        }

        return Iterate(fileBytes);
    }

    public bool Equals(GopIndex? other) =>
        other is not null && ClockDuration == other.ClockDuration && Entries.AsSpan().SequenceEqual(other.Entries.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as GopIndex);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ClockDuration);
        foreach (var entry in Entries)
        {
            hash.Add(entry);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"GopIndex({Entries.Length} GOPs, {Duration.TotalSeconds:0.###} s)");

    private IEnumerable<GopChunk> Iterate(long fileBytes)
    {
        for (var i = 0; i < Entries.Length; i++)
        {
            var entry = Entries[i];
            var (endOffset, endClock) = i + 1 < Entries.Length
                ? (Entries[i + 1].ByteOffset, Entries[i + 1].ClockOffset)
                : (fileBytes, ClockDuration);
            yield return new GopChunk(entry.ByteOffset, endOffset - entry.ByteOffset, entry.ClockOffset, endClock - entry.ClockOffset);
        }
    }

    private static bool TryValidate(ImmutableArray<GopEntry> entries, long clockDuration, [NotNullWhen(false)] out string? error)
    {
        if (entries.Length > MaxEntries)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"A GOP index holds at most {MaxEntries} entries.");
            return false;
        }

        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.ByteOffset < 0 || entry.ClockOffset < 0)
            {
                error = "GOP offsets and times must not be negative.";
                return false;
            }

            if (i > 0 && (entry.ByteOffset <= entries[i - 1].ByteOffset || entry.ClockOffset < entries[i - 1].ClockOffset))
            {
                error = "GOP offsets must strictly increase and times must not decrease.";
                return false;
            }
        }

        if (clockDuration < (entries.IsEmpty ? 0 : entries[^1].ClockOffset))
        {
            error = "A GOP index cannot end before its last GOP starts.";
            return false;
        }

        error = null;
        return true;
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, ulong value)
    {
        Span<byte> bytes = stackalloc byte[MaxVarintBytes];
        var length = 0;
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes[length++] = value == 0 ? b : (byte)(b | 0x80);
        }
        while (value != 0);

        buffer.Write(bytes[..length]);
    }

    private static bool TryReadVarint(byte[] bytes, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
            {
                return false;
            }

            var b = bytes[position++];
            if (shift == 63 && b > 1)
            {
                return false;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
