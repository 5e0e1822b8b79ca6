using BenchmarkDotNet.Attributes;
using Nightjar.Media.Hls;
using Nightjar.Media.Ts;

namespace Nightjar.Benchmarks.Hls;

/// <summary>
/// Archive playlist generation over an in-memory index of one stream: 60 s segments of 60
/// one-second GOPs, for one hour (3 600 chunks) and seven days (604 800 chunks).
/// </summary>
[MemoryDiagnoser]
public class ArchivePlaylistBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 11, 14, 0, 0, 0, TimeSpan.Zero);

    private List<HlsSegment> _segments = [];
    private ArchivePlaylistOptions _byteRanges = null!;
    private ArchivePlaylistOptions _chunkUris = null!;
    private DateTimeOffset _end;

    [Params(1, 168)]
    public int Hours { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _segments = [];
        for (var s = 0; s < Hours * 60; s++)
        {
            var chunks = new GopEntry[60];
            long offset = 0;
            for (var g = 0; g < chunks.Length; g++)
            {
                var length = 188L * (600 + ((s + g) % 40)); // ~115 KB per 1 s GOP at ~1 Mbit/s
                chunks[g] = new GopEntry(offset, length, 126_000 + (g * 90_000L), 90_000);
                offset += length;
            }

            // A restart every 6 hours gives the playlist some discontinuities.
            _segments.Add(new HlsSegment($"lobby/main/{s}.ts", $"run{s / 360}", Start.AddMinutes(s), chunks));
        }

        _end = Start.AddHours(Hours);
        _byteRanges = new ArchivePlaylistOptions { Addressing = HlsChunkAddressing.ByteRanges(c => HlsUri.WithQuery("/lobby/f/" + c.SegmentKey, "token", "0123456789abcdef")) };
        _chunkUris = new ArchivePlaylistOptions
        {
            Addressing = HlsChunkAddressing.ChunkUris(c => HlsUri.WithQuery($"/lobby/c/{c.SegmentKey}/{c.Offset}-{c.Length}.ts", "token", "0123456789abcdef")),
        };
    }

    [Benchmark(Baseline = true)]
    public int VodByteRanges() => ArchivePlaylist.BuildVod(_segments, Start, _end, _byteRanges).Utf8.Length;

    [Benchmark]
    public int VodChunkUris() => ArchivePlaylist.BuildVod(_segments, Start, _end, _chunkUris).Utf8.Length;
}
