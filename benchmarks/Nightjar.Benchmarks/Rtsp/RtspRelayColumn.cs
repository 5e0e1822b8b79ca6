using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Nightjar.Benchmarks.Rtsp;

/// <summary>Summary columns computed from <see cref="RtspRelayStats"/>: packets/s and Mbit/s delivered, CPU per reader.</summary>
public sealed class RtspRelayColumn(string name, string legend, Func<RtspRelayStatsView, string> value) : IColumn
{
    public string Id => "RtspRelay." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public static IColumn[] All =>
    [
        new RtspRelayColumn("Pkts/s out", "RTP packets written to all readers per second", s => s.PacketsPerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
        new RtspRelayColumn("Mbit/s out", "Megabits per second written to all readers", s => s.MegabitsPerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
        new RtspRelayColumn("CPU/reader", "Process CPU time / wall time / readers, % of one core (server and in-process clients)", s => s.CpuPercentPerReader.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " %"),
        new RtspRelayColumn("CPU us/pkt", "Process CPU time per packet delivered to a reader, microseconds (server and in-process clients)", s => s.CpuMicrosecondsPerPacket.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var readers = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(RtspRelayBenchmarks.Readers))?.Value as int?;
        return readers is { } count && RtspRelayStats.Load(count) is { } stats ? value(new RtspRelayStatsView(stats)) : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}
