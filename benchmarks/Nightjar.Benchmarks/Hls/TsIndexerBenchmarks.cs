using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Nightjar.Media.Ts;

namespace Nightjar.Benchmarks.Hls;

/// <summary>
/// TS indexer throughput over a real ffmpeg-made file (generated in GlobalSetup: 30 s of 720p25
/// H.264 at 4 Mbit/s with AAC, keyframe every second, like a recording segment). MB/s = FileBytes / Mean.
/// </summary>
[MemoryDiagnoser]
public class TsIndexerBenchmarks
{
    private string _path = string.Empty;
    private byte[] _bytes = [];

    public long FileBytes => _bytes.Length;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "nightjar-bench-indexer.ts");
        if (!File.Exists(_path))
        {
            var info = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i", "sine=f=440:r=16000",
                "-t", "30", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-b:v", "4M", "-c:a", "aac", "-b:a", "32k",
                "-f", "mpegts", "-mpegts_flags", "+initial_discontinuity", _path + ".tmp",
            })
            {
                info.ArgumentList.Add(argument);
            }

            using var ffmpeg = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg is required for this benchmark");
            var errors = ffmpeg.StandardError.ReadToEnd();
            ffmpeg.WaitForExit();
            if (ffmpeg.ExitCode != 0)
            {
                throw new InvalidOperationException("ffmpeg failed: " + errors);
            }

            File.Move(_path + ".tmp", _path, overwrite: true);
        }

        _bytes = File.ReadAllBytes(_path);
        Console.WriteLine($"// TS file: {_bytes.Length} bytes, {TsIndexer.IndexFile(_path).Gops.Count} GOPs");
    }

    /// <summary>Parsing only: the whole file from memory in 64 KiB appends (as a tailer would feed it).</summary>
    [Benchmark(Baseline = true)]
    public int IndexFromMemory()
    {
        var indexer = new TsIndexer();
        for (var offset = 0; offset < _bytes.Length; offset += 65_536)
        {
            indexer.Append(_bytes.AsSpan(offset, Math.Min(65_536, _bytes.Length - offset)));
        }

        return indexer.Complete().Gops.Count;
    }

    /// <summary>Reading the file (from the page cache) and parsing it.</summary>
    [Benchmark]
    public int IndexFile() => TsIndexer.IndexFile(_path).Gops.Count;
}
