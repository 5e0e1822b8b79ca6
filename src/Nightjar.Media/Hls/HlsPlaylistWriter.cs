using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Nightjar.Media.Ts;

namespace Nightjar.Media.Hls;

/// <summary>Writes RFC 8216 media playlist lines as UTF-8, without intermediate strings.</summary>
internal sealed class HlsPlaylistWriter(IBufferWriter<byte> output, HlsChunkAddressing addressing)
{
    private const int LineBudget = 128;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private string? _lastFileKey;
    private string _lastFileUri = string.Empty;

    public int ChunkCount { get; private set; }

    public long Duration { get; private set; }

    public void Header(int targetDuration, long mediaSequence, long discontinuitySequence, string? playlistType)
    {
        Line("#EXTM3U"u8);
        var version = addressing.UsesByteRanges ? 4 : 3;
        Format(output.GetSpan(LineBudget), Invariant, $"#EXT-X-VERSION:{version}\n");
        Format(output.GetSpan(LineBudget), Invariant, $"#EXT-X-TARGETDURATION:{targetDuration}\n");
        Format(output.GetSpan(LineBudget), Invariant, $"#EXT-X-MEDIA-SEQUENCE:{mediaSequence}\n");
        if (discontinuitySequence != 0)
        {
            Format(output.GetSpan(LineBudget), Invariant, $"#EXT-X-DISCONTINUITY-SEQUENCE:{discontinuitySequence}\n");
        }

        if (playlistType is not null)
        {
            Format(output.GetSpan(LineBudget), Invariant, $"#EXT-X-PLAYLIST-TYPE:{playlistType}\n");
        }

        // Every chunk starts with PAT, PMT and a keyframe, so each one decodes on its own.
        Line("#EXT-X-INDEPENDENT-SEGMENTS"u8);
    }

    public void Chunk(bool discontinuity, DateTimeOffset start, string segmentKey, string runId, GopEntry chunk)
    {
        if (discontinuity)
        {
            Line("#EXT-X-DISCONTINUITY"u8);
        }

        // hls.js parses PDT with Date.parse: always UTC with 'Z', never '+0000' (media.md E12).
        var utc = start.UtcDateTime;
        Format(output.GetSpan(LineBudget), Invariant, $"#EXT-X-PROGRAM-DATE-TIME:{utc:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\n");
        var milliseconds = (chunk.Duration + 45) / 90;
        Format(output.GetSpan(LineBudget), Invariant, $"#EXTINF:{milliseconds / 1000}.{milliseconds % 1000:D3},\n");

        var reference = new HlsChunkRef(segmentKey, runId, chunk.Offset, chunk.Length, start);
        string uri;
        if (addressing.UsesByteRanges)
        {
            Format(output.GetSpan(LineBudget), Invariant, $"#EXT-X-BYTERANGE:{chunk.Length}@{chunk.Offset}\n");
            if (!string.Equals(_lastFileKey, segmentKey, StringComparison.Ordinal))
            {
                _lastFileKey = segmentKey;
                _lastFileUri = addressing.Uri(reference);
            }

            uri = _lastFileUri;
        }
        else
        {
            uri = addressing.Uri(reference);
        }

        Uri(uri);
        ChunkCount++;
        Duration += chunk.Duration;
    }

    public void EndList() => Line("#EXT-X-ENDLIST"u8);

    public static int TargetDurationOf(long maxChunkDuration, int minimum) =>
        (int)Math.Max(Math.Max(minimum, 1), (maxChunkDuration + GopEntry.ClockRate - 1) / GopEntry.ClockRate);

    private void Line(ReadOnlySpan<byte> line)
    {
        var span = output.GetSpan(line.Length + 1);
        line.CopyTo(span);
        span[line.Length] = (byte)'\n';
        output.Advance(line.Length + 1);
    }

    // The handler formats straight into the span the buffer writer lent: no intermediate string.
    private void Format(
        Span<byte> destination,
        IFormatProvider provider,
        [InterpolatedStringHandlerArgument(nameof(destination), nameof(provider))] ref Utf8.TryWriteInterpolatedStringHandler line)
    {
        if (!Utf8.TryWrite(destination, provider, ref line, out var written))
        {
            throw new InvalidOperationException("An HLS line exceeded its buffer.");
        }

        output.Advance(written);
    }

    private void Uri(string uri)
    {
        if (uri.Contains('\n', StringComparison.Ordinal) || uri.Contains('\r', StringComparison.Ordinal) || uri.Length == 0)
        {
            throw new InvalidOperationException("A chunk URI must be a non-empty single line.");
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(uri.Length) + 1);
        var written = Encoding.UTF8.GetBytes(uri, span);
        span[written] = (byte)'\n';
        output.Advance(written + 1);
    }
}
