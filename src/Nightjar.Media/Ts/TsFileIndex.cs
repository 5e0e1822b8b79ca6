namespace Nightjar.Media.Ts;

/// <summary>A snapshot of what <see cref="TsIndexer"/> found in a TS file so far.</summary>
/// <param name="Codec">Codec of the indexed video stream.</param>
/// <param name="VideoPid">PID of the video stream, or -1 when no PMT announced one.</param>
/// <param name="Gops">Complete GOPs in file order.</param>
/// <param name="OpenGop">
/// The last GOP while the file is still growing (its end is not known yet); <c>null</c> once the
/// indexer was completed, where the last GOP moves into <see cref="Gops"/>.
/// </param>
/// <param name="IndexedLength">Bytes up to the end of the last whole 188-byte packet.</param>
/// <param name="SyncOffset">Offset of the first packet (0 for files written by ffmpeg).</param>
/// <param name="SyncLosses">Times the packet sync was lost and found again (damage in the file).</param>
/// <param name="ContinuityErrors">Video packets whose continuity counter skipped.</param>
public sealed record TsFileIndex(
    TsVideoCodec Codec,
    int VideoPid,
    IReadOnlyList<GopEntry> Gops,
    GopEntry? OpenGop,
    long IndexedLength,
    long SyncOffset,
    int SyncLosses,
    int ContinuityErrors)
{
    /// <summary>An index of an empty file.</summary>
    public static TsFileIndex Empty { get; } = new(TsVideoCodec.Unknown, -1, [], null, 0, 0, 0, 0);

    /// <summary>PTS of the first GOP (90 kHz), or null when there is none.</summary>
    public long? FirstPts => Gops.Count > 0 ? Gops[0].Pts : OpenGop?.Pts;

    /// <summary>Duration in 90 kHz units from the first keyframe to the end of the last frame seen.</summary>
    public long Duration
    {
        get
        {
            long total = 0;
            foreach (var gop in Gops)
            {
                total += gop.Duration;
            }

            return total + (OpenGop?.Duration ?? 0);
        }
    }

    /// <summary><see cref="Duration"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan DurationTime => GopEntry.FromClock(Duration);

    /// <summary>Complete GOPs followed by the open one, if any.</summary>
    public IReadOnlyList<GopEntry> AllGops => OpenGop is { } open ? [.. Gops, open] : Gops;
}
