using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using Nightjar.Media.Hls;
using Nightjar.Media.Ts;

namespace Nightjar.Server.Playback;

/// <summary>
/// An archive playlist written in pieces straight into the response, so a week of one-second GOPs (600,000
/// chunks, about 100 MB of text) never sits in memory: the bytes are exactly those of Media's
/// <see cref="ArchivePlaylist.BuildVod"/> / <see cref="ArchivePlaylist.BuildEvent"/> (a test compares them), and no
/// string is made per chunk.
/// </summary>
/// <remarks>
/// The constructor makes the first pass (order check, chunk count and the target duration, which comes before the
/// first chunk), so an empty range or bad input is known before anything is sent. <see cref="WriteSome"/> then
/// continues from where it stopped.
/// </remarks>
internal sealed class ArchivePlaylistWriter
{
    private const int LineBudget = 128;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly IReadOnlyList<HlsSegment> _segments;
    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _to;
    private readonly bool _endList;
    private readonly ChunkUriFormat _uris;
    private readonly long _gapTicks;
    private readonly int _firstSegment;

    private int _segment;
    private int _chunk;
    private bool _headerWritten;
    private byte[]? _segmentKey;
    private string? _lastFileKey;
    private byte[]? _lastFileKeyBytes;
    private string? _previousRun;
    private DateTimeOffset _previousEnd = DateTimeOffset.MinValue;

    /// <param name="segments">The stream's files in time order (as <see cref="Nightjar.Recording.Runtime.IRecordingArchive"/> returns them).</param>
    /// <param name="from">Start of the range.</param>
    /// <param name="to">End of the range (exclusive); <see cref="DateTimeOffset.MaxValue"/> for an EVENT playlist.</param>
    /// <param name="endList">VOD with <c>ENDLIST</c>, or EVENT without.</param>
    /// <param name="uris">How chunks are named.</param>
    /// <param name="options">Gap tolerance and minimum target duration, as for Media's builder (its addressing is ignored).</param>
    /// <exception cref="ArgumentException">The segments are not in time order.</exception>
    public ArchivePlaylistWriter(
        IReadOnlyList<HlsSegment> segments,
        DateTimeOffset from,
        DateTimeOffset to,
        bool endList,
        ChunkUriFormat uris,
        ArchivePlaylistOptions options)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(uris);
        ArgumentNullException.ThrowIfNull(options);
        _segments = segments;
        _from = from;
        _to = to;
        _endList = endList;
        _uris = uris;
        _gapTicks = options.GapTolerance.Ticks;

        long maxDuration = 0;
        long totalDuration = 0;
        var count = 0;
        var first = -1;
        var previousStart = DateTimeOffset.MinValue;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            if (segment.Start < previousStart)
            {
                throw new ArgumentException("Segments must be in time order.", nameof(segments));
            }

            previousStart = segment.Start;
            if (!MayOverlap(segment))
            {
                continue;
            }

            var chunks = segment.Chunks;
            for (var c = 0; c < chunks.Count; c++)
            {
                var position = Overlap(segment, chunks[c]);
                if (position > 0)
                {
                    break;
                }

                if (position == 0)
                {
                    first = first < 0 ? s : first;
                    count++;
                    maxDuration = Math.Max(maxDuration, chunks[c].Duration);
                    totalDuration += chunks[c].Duration;
                }
            }
        }

        ChunkCount = count;
        Duration = GopEntry.FromClock(totalDuration);
        TargetDuration = (int)Math.Max(Math.Max(options.MinTargetDuration, 1), (maxDuration + GopEntry.ClockRate - 1) / GopEntry.ClockRate);
        _firstSegment = first < 0 ? segments.Count : first;
        _segment = _firstSegment;
    }

    /// <summary>Chunks the playlist lists; zero means the range holds no recording (answer 404).</summary>
    public int ChunkCount { get; }

    /// <summary>Sum of the listed chunks' durations.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The <c>EXT-X-TARGETDURATION</c>, in seconds.</summary>
    public int TargetDuration { get; }

    public bool IsComplete { get; private set; }

    /// <summary>Writes the next lines until at least <paramref name="budget"/> bytes went out or the playlist is complete.</summary>
    /// <returns>Bytes written.</returns>
    public long WriteSome(IBufferWriter<byte> output, int budget)
    {
        ArgumentNullException.ThrowIfNull(output);
        long written = 0;
        if (!_headerWritten)
        {
            written += WriteHeader(output);
            _headerWritten = true;
        }

        while (_segment < _segments.Count && written < budget)
        {
            var segment = _segments[_segment];
            var chunks = segment.Chunks;
            if (!MayOverlap(segment) || _chunk >= chunks.Count)
            {
                NextSegment();
                continue;
            }

            var chunk = chunks[_chunk];
            var position = Overlap(segment, chunk);
            if (position > 0)
            {
                NextSegment();
                continue;
            }

            _chunk++;
            if (position < 0)
            {
                continue;
            }

            written += WriteChunk(output, segment, chunk);
        }

        if (_segment >= _segments.Count && !IsComplete)
        {
            if (_endList)
            {
                written += Line(output, "#EXT-X-ENDLIST\n"u8);
            }

            IsComplete = true;
        }

        return written;
    }

    private bool MayOverlap(HlsSegment segment) => ChunkWindow.MayOverlap(segment, _to);

    private int Overlap(HlsSegment segment, GopEntry chunk) => ChunkWindow.Position(segment, chunk, _from, _to);

    private void NextSegment()
    {
        _segment++;
        _chunk = 0;
        _segmentKey = null;
    }

    private int WriteHeader(IBufferWriter<byte> output)
    {
        var written = Line(output, "#EXTM3U\n"u8);
        written += Format(output, output.GetSpan(LineBudget), Invariant, $"#EXT-X-VERSION:{(_uris.UsesByteRanges ? 4 : 3)}\n");
        written += Format(output, output.GetSpan(LineBudget), Invariant, $"#EXT-X-TARGETDURATION:{TargetDuration}\n");
        written += Line(output, "#EXT-X-MEDIA-SEQUENCE:0\n"u8);
        written += Line(output, _endList ? "#EXT-X-PLAYLIST-TYPE:VOD\n"u8 : "#EXT-X-PLAYLIST-TYPE:EVENT\n"u8);
        return written + Line(output, "#EXT-X-INDEPENDENT-SEGMENTS\n"u8);
    }

    private int WriteChunk(IBufferWriter<byte> output, HlsSegment segment, GopEntry chunk)
    {
        var start = segment.ChunkStart(chunk);
        var written = 0;
        if (_previousRun is not null
            && (!string.Equals(_previousRun, segment.RunId, StringComparison.Ordinal)
                || Math.Abs((start - _previousEnd).Ticks) > _gapTicks))
        {
            written += Line(output, "#EXT-X-DISCONTINUITY\n"u8);
        }

        _previousRun = segment.RunId;
        _previousEnd = start + chunk.DurationTime;
        written += ProgramDateTime(output, start.UtcDateTime);
        var milliseconds = (chunk.Duration + 45) / 90;
        written += Format(output, output.GetSpan(LineBudget), Invariant, $"#EXTINF:{milliseconds / 1000}.{milliseconds % 1000:D3},\n");

        var key = _segmentKey ??= ChunkUriFormat.EncodeKey(segment.Key);
        if (_uris.UsesByteRanges)
        {
            written += Format(output, output.GetSpan(LineBudget), Invariant, $"#EXT-X-BYTERANGE:{chunk.Length}@{chunk.Offset}\n");
            if (!string.Equals(_lastFileKey, segment.Key, StringComparison.Ordinal))
            {
                _lastFileKey = segment.Key;
                _lastFileKeyBytes = key;
            }

            var fileKey = _lastFileKeyBytes!;
            var span = output.GetSpan(_uris.FileLineBudget(fileKey));
            var length = _uris.WriteFileLine(span, fileKey);
            output.Advance(length);
            return written + length;
        }

        var chunkSpan = output.GetSpan(_uris.ChunkLineBudget(key));
        var uriLength = _uris.WriteChunkLine(chunkSpan, key, chunk.Offset, chunk.Length);
        output.Advance(uriLength);
        return written + uriLength;
    }

    /// <summary><c>#EXT-X-PROGRAM-DATE-TIME:yyyy-MM-ddTHH:mm:ss.fffZ</c>, by hand: a custom DateTime format costs more than the rest of a chunk.</summary>
    private static int ProgramDateTime(IBufferWriter<byte> output, DateTime utc)
    {
        var prefix = "#EXT-X-PROGRAM-DATE-TIME:"u8;
        var span = output.GetSpan(LineBudget);
        prefix.CopyTo(span);
        var p = prefix.Length;
        p = Digits(span, p, utc.Year, 4);
        span[p++] = (byte)'-';
        p = Digits(span, p, utc.Month, 2);
        span[p++] = (byte)'-';
        p = Digits(span, p, utc.Day, 2);
        span[p++] = (byte)'T';
        p = Digits(span, p, utc.Hour, 2);
        span[p++] = (byte)':';
        p = Digits(span, p, utc.Minute, 2);
        span[p++] = (byte)':';
        p = Digits(span, p, utc.Second, 2);
        span[p++] = (byte)'.';
        p = Digits(span, p, utc.Millisecond, 3);
        span[p++] = (byte)'Z';
        span[p++] = (byte)'\n';
        output.Advance(p);
        return p;
    }

    private static int Digits(Span<byte> span, int position, int value, int width)
    {
        for (var i = position + width - 1; i >= position; i--)
        {
            span[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return position + width;
    }

    private static int Line(IBufferWriter<byte> output, ReadOnlySpan<byte> line)
    {
        output.Write(line);
        return line.Length;
    }

    // The handler formats straight into the span the output lent: no intermediate string.
    private static int Format(
        IBufferWriter<byte> output,
        Span<byte> destination,
        IFormatProvider provider,
        [InterpolatedStringHandlerArgument(nameof(destination), nameof(provider))] ref Utf8.TryWriteInterpolatedStringHandler line)
    {
        if (!Utf8.TryWrite(destination, provider, ref line, out var written))
        {
            throw new InvalidOperationException("An HLS line exceeded its buffer.");
        }

        output.Advance(written);
        return written;
    }
}
