using BenchmarkDotNet.Attributes;
using Nightjar.Media.Hls;
using Nightjar.Media.Ts;

namespace Nightjar.Benchmarks.Hls;

/// <summary>The live playlist of a 6-chunk window: built on every player reload (every 1-2 s per viewer).</summary>
[MemoryDiagnoser]
public class LivePlaylistBenchmarks
{
    private readonly LiveChunkWindow _window = new(6);
    private HlsChunkAddressing _addressing = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 20; i++)
        {
            _window.Append("lobby/main/1795267725.ts", "run1", start.AddSeconds(i), new GopEntry(i * 112_800L, 112_800, i * 90_000L, 90_000));
        }

        _addressing = HlsChunkAddressing.ByteRanges(c => HlsUri.WithQuery("/lobby/f/" + c.SegmentKey, "token", "0123456789abcdef"));
    }

    [Benchmark]
    public int Live() => LivePlaylist.Build(_window.Chunks, _addressing, 2).Utf8.Length;
}
