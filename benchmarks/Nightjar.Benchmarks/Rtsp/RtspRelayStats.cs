using System.Globalization;

namespace Nightjar.Benchmarks.Rtsp;

/// <summary>
/// Throughput and CPU of one benchmark case, measured inside the benchmark process and handed to the summary
/// columns through a small file (BenchmarkDotNet runs benchmarks in a child process).
/// </summary>
internal sealed record RtspRelayStats(int Readers, double WallSeconds, double CpuSeconds, long PacketsOut, long BytesOut)
{
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "nightjar-bench");

    public double PacketsPerSecond => PacketsOut / WallSeconds;

    public double MegabitsPerSecond => BytesOut * 8 / WallSeconds / 1e6;

    /// <summary>Process CPU time over wall time per reader, in percent of one core.</summary>
    public double CpuPercentPerReader => CpuSeconds / WallSeconds / Readers * 100;

    /// <summary>Process CPU time per packet delivered to a reader, in microseconds.</summary>
    public double CpuMicrosecondsPerPacket => CpuSeconds / PacketsOut * 1e6;

    public void Save()
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(PathFor(Readers), string.Join(' ', WallSeconds.ToString("R", CultureInfo.InvariantCulture), CpuSeconds.ToString("R", CultureInfo.InvariantCulture), PacketsOut, BytesOut));
    }

    public static RtspRelayStats? Load(int readers)
    {
        var path = PathFor(readers);
        if (!File.Exists(path))
        {
            return null;
        }

        var parts = File.ReadAllText(path).Split(' ');
        return new RtspRelayStats(
            readers,
            double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public static void Clear(int readers) => File.Delete(PathFor(readers));

    private static string PathFor(int readers) => Path.Combine(Directory, $"rtsp-relay-{readers}.txt");
}
