namespace Nightjar.Benchmarks.Rtsp;

/// <summary>Public window on the internal stats for the column delegates.</summary>
public sealed class RtspRelayStatsView
{
    internal RtspRelayStatsView(RtspRelayStats stats)
    {
        PacketsPerSecond = stats.PacketsPerSecond;
        MegabitsPerSecond = stats.MegabitsPerSecond;
        CpuPercentPerReader = stats.CpuPercentPerReader;
        CpuMicrosecondsPerPacket = stats.CpuMicrosecondsPerPacket;
    }

    public double PacketsPerSecond { get; }

    public double MegabitsPerSecond { get; }

    public double CpuPercentPerReader { get; }

    public double CpuMicrosecondsPerPacket { get; }
}
