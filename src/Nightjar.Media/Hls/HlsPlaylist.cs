using System.Text;

namespace Nightjar.Media.Hls;

/// <summary>A generated media playlist.</summary>
/// <param name="Utf8">The playlist bytes (serve as <see cref="ContentType"/>; write them to the response as they are).</param>
/// <param name="ChunkCount">Chunks listed; an archive range with none is better answered with 404.</param>
/// <param name="Duration">Sum of the chunk durations.</param>
/// <param name="TargetDuration">The <c>EXT-X-TARGETDURATION</c> written, in seconds.</param>
public sealed record HlsPlaylist(ReadOnlyMemory<byte> Utf8, int ChunkCount, TimeSpan Duration, int TargetDuration)
{
    /// <summary>MIME type of HLS playlists.</summary>
    public const string ContentType = "application/vnd.apple.mpegurl";

    /// <summary>The playlist as text.</summary>
    public string Text => Encoding.UTF8.GetString(Utf8.Span);
}
