using System.Globalization;
using System.Text;
using Nightjar.Media.Hls;

namespace Nightjar.Server.Playback;

/// <summary>
/// How playlists name chunks, relative to the playlist: <c>{prefix}c/{segmentKey}/{offset}-{length}.ts</c> (one
/// virtual URL per GOP, media.md 7.3) or, with <c>?byterange=1</c>, <c>{prefix}f/{segmentKey}.ts</c> plus
/// <c>EXT-X-BYTERANGE</c>. The request's <c>?token=</c> goes into every URL (<see cref="HlsUri.WithQuery"/>).
/// </summary>
internal sealed class ChunkUriFormat
{
    public const string TokenParameter = "token";

    private readonly string _prefix;
    private readonly string _query;
    private readonly byte[] _chunkHead;
    private readonly byte[] _chunkTail;
    private readonly byte[] _fileHead;

    /// <param name="relativeStreamPrefix">See <see cref="MediaPath.RelativeStreamPrefix"/>.</param>
    /// <param name="token">The playback token of the request, or null.</param>
    /// <param name="byteRanges">Byte ranges into whole files instead of one URL per chunk.</param>
    public ChunkUriFormat(string relativeStreamPrefix, string? token, bool byteRanges)
    {
        ArgumentNullException.ThrowIfNull(relativeStreamPrefix);
        _prefix = relativeStreamPrefix;
        _query = HlsUri.WithQuery(string.Empty, TokenParameter, token);
        UsesByteRanges = byteRanges;
        _chunkHead = Encoding.UTF8.GetBytes(_prefix + "c/");
        _chunkTail = Encoding.UTF8.GetBytes(".ts" + _query + "\n");
        _fileHead = Encoding.UTF8.GetBytes(_prefix + "f/");
        Addressing = byteRanges ? HlsChunkAddressing.ByteRanges(File) : HlsChunkAddressing.ChunkUris(Chunk);
    }

    public bool UsesByteRanges { get; }

    /// <summary>The same naming for Media's playlist builders.</summary>
    public HlsChunkAddressing Addressing { get; }

    /// <summary>The URL of one chunk.</summary>
    public string Chunk(HlsChunkRef chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"{_prefix}c/{EscapeKey(chunk.SegmentKey)}/{chunk.Offset}-{chunk.Length}.ts{_query}");

    /// <summary>The URL of the whole file holding a chunk (byte-range playlists).</summary>
    public string File(HlsChunkRef chunk) => $"{_prefix}f/{EscapeKey(chunk.SegmentKey)}.ts{_query}";

    /// <summary>A segment key as one URL path segment (keys are URL-safe already; this keeps any other one safe).</summary>
    public static string EscapeKey(string segmentKey) => Uri.EscapeDataString(segmentKey);

    /// <summary>An escaped key as UTF-8, written once per file by the streaming writer.</summary>
    public static byte[] EncodeKey(string segmentKey) => Encoding.UTF8.GetBytes(EscapeKey(segmentKey));

    /// <summary>Bytes <see cref="WriteChunkLine"/> needs at most.</summary>
    public int ChunkLineBudget(byte[] encodedKey) => _chunkHead.Length + encodedKey.Length + 42 + _chunkTail.Length;

    /// <summary>Bytes <see cref="WriteFileLine"/> needs.</summary>
    public int FileLineBudget(byte[] encodedKey) => _fileHead.Length + encodedKey.Length + _chunkTail.Length;

    /// <summary>Writes the chunk URL and its newline; returns the bytes written.</summary>
    public int WriteChunkLine(Span<byte> destination, byte[] encodedKey, long offset, long length)
    {
        var position = Copy(destination, 0, _chunkHead);
        position = Copy(destination, position, encodedKey);
        destination[position++] = (byte)'/';
        offset.TryFormat(destination[position..], out var written, default, CultureInfo.InvariantCulture);
        position += written;
        destination[position++] = (byte)'-';
        length.TryFormat(destination[position..], out written, default, CultureInfo.InvariantCulture);
        position += written;
        return Copy(destination, position, _chunkTail);
    }

    /// <summary>Writes the file URL and its newline; returns the bytes written.</summary>
    public int WriteFileLine(Span<byte> destination, byte[] encodedKey)
    {
        var position = Copy(destination, 0, _fileHead);
        position = Copy(destination, position, encodedKey);
        return Copy(destination, position, _chunkTail);
    }

    private static int Copy(Span<byte> destination, int position, byte[] bytes)
    {
        bytes.CopyTo(destination[position..]);
        return position + bytes.Length;
    }
}
