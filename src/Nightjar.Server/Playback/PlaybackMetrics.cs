using System.Diagnostics.Metrics;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Playback;

/// <summary>The <c>Nightjar.Playback</c> meter: what the media endpoints serve. One per host (<see cref="IMeterFactory"/>).</summary>
internal sealed class PlaybackMetrics
{
    public const string MeterName = "Nightjar.Playback";

    private readonly Counter<long> _playlists;
    private readonly Counter<long> _chunkBytes;
    private readonly Counter<long> _exports;
    private readonly Counter<long> _previews;
    private readonly Histogram<double> _previewDuration;

    public PlaybackMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(MeterName) { Version = NightjarVersion.Short });
        Meter = meter;
        _playlists = meter.CreateCounter<long>(
            "nightjar.hls.playlists",
            unit: "{playlist}",
            description: "HLS playlists served, by kind (live, archive, event).");
        _chunkBytes = meter.CreateCounter<long>(
            "nightjar.hls.chunks.bytes",
            unit: "By",
            description: "Bytes of recording files sent for HLS chunk requests.");
        _exports = meter.CreateCounter<long>(
            "nightjar.playback.exports",
            unit: "{export}",
            description: "Archive exports, by format (mp4, ts) and outcome (completed, failed, aborted, busy).");
        _previews = meter.CreateCounter<long>(
            "nightjar.playback.previews",
            unit: "{preview}",
            description: "Preview snapshots served, by source (cache, decoded) or failure (failed, busy).");
        _previewDuration = meter.CreateHistogram<double>(
            "nightjar.playback.preview.duration",
            unit: "s",
            description: "Time to decode one preview snapshot with ffmpeg.");
    }

    /// <summary>This host's meter (tests listen to exactly this one).</summary>
    public Meter Meter { get; }

    public void PlaylistServed(string kind) => _playlists.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void ChunkBytesSent(long bytes)
    {
        if (bytes > 0)
        {
            _chunkBytes.Add(bytes);
        }
    }

    public void Export(string format, string outcome) =>
        _exports.Add(1, new KeyValuePair<string, object?>("format", format), new KeyValuePair<string, object?>("outcome", outcome));

    public void Preview(string result) => _previews.Add(1, new KeyValuePair<string, object?>("result", result));

    public void PreviewDecoded(TimeSpan elapsed) => _previewDuration.Record(elapsed.TotalSeconds);
}
