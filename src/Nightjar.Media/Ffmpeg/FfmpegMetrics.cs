using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nightjar.Media.Ffmpeg;

/// <summary>Instruments of supervised media processes, on the <c>Nightjar.Media</c> meter.</summary>
internal static class FfmpegMetrics
{
    public const string MeterName = "Nightjar.Media";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Starts = Meter.CreateCounter<long>(
        "nightjar.media.process.starts", "{start}", "Supervised process starts (each one a new run).");

    private static readonly Counter<long> Exits = Meter.CreateCounter<long>(
        "nightjar.media.process.exits", "{exit}", "Supervised process exits, by reason.");

    private static readonly Counter<long> Stalls = Meter.CreateCounter<long>(
        "nightjar.media.process.stalls", "{stall}", "Runs stopped for making no progress.");

    private static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>(
        "nightjar.media.process.run.duration", "s", "How long supervised runs stayed up.");

    public static void Started(string source) => Starts.Add(1, new KeyValuePair<string, object?>("source", source));

    public static void Stalled(string source) => Stalls.Add(1, new KeyValuePair<string, object?>("source", source));

    public static void Exited(string source, RunExitReason reason, TimeSpan uptime)
    {
        var tags = new TagList { { "source", source }, { "reason", ReasonTag(reason) } };
        Exits.Add(1, tags);
        RunDuration.Record(uptime.TotalSeconds, tags);
    }

    private static string ReasonTag(RunExitReason reason) => reason switch
    {
        RunExitReason.Exited => "exited",
        RunExitReason.Stalled => "stalled",
        RunExitReason.RestartRequested => "restart_requested",
        RunExitReason.Stopped => "stopped",
        _ => "start_failed",
    };
}
