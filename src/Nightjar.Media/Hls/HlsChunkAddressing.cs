namespace Nightjar.Media.Hls;

/// <summary>
/// How chunks are addressed in a playlist, with the server's callback that writes the URIs (and
/// puts its <c>?token=</c> into every one of them, see <see cref="HlsUri.WithQuery"/>).
/// </summary>
public sealed record HlsChunkAddressing
{
    private HlsChunkAddressing(bool byteRanges, Func<HlsChunkRef, string> uri)
    {
        UsesByteRanges = byteRanges;
        Uri = uri;
    }

    /// <summary>True for <c>EXT-X-BYTERANGE</c> into whole files; false for one URI per chunk.</summary>
    public bool UsesByteRanges { get; }

    /// <summary>The callback.</summary>
    public Func<HlsChunkRef, string> Uri { get; }

    /// <summary>
    /// <c>#EXT-X-BYTERANGE:length@offset</c> into the file's URI (playlist version 4). The callback
    /// names the FILE; it is called once per run of consecutive chunks from the same file.
    /// </summary>
    public static HlsChunkAddressing ByteRanges(Func<HlsChunkRef, string> fileUri)
    {
        ArgumentNullException.ThrowIfNull(fileUri);
        return new HlsChunkAddressing(true, fileUri);
    }

    /// <summary>
    /// One virtual URI per chunk (e.g. <c>/cam/c/{file}/{offset}-{length}.ts</c>); every player and
    /// cache understands these (media.md 7.3). The callback is called once per chunk.
    /// </summary>
    public static HlsChunkAddressing ChunkUris(Func<HlsChunkRef, string> chunkUri)
    {
        ArgumentNullException.ThrowIfNull(chunkUri);
        return new HlsChunkAddressing(false, chunkUri);
    }
}
