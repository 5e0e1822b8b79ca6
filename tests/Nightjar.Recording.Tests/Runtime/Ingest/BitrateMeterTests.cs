using Nightjar.Recording.Runtime.Ingest;

namespace Nightjar.Recording.Tests.Runtime.Ingest;

public sealed class BitrateMeterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Kbps_LessThanASecondOfSamples_IsUnknown()
    {
        var meter = new BitrateMeter();
        meter.Kbps().Should().BeNull();
        meter.Sample(T0, 0);
        meter.Sample(T0.AddMilliseconds(500), 62_500);
        meter.Kbps().Should().BeNull();
    }

    [Fact]
    public void Kbps_SteadyMegabit_MeasuresItOverTheWindow_AndForgetsOlderRates()
    {
        var meter = new BitrateMeter();
        long bytes = 0;
        for (var t = 0; t <= 40; t++)
        {
            // 4 Mbit/s for 20 s, then 1 Mbit/s: the window only sees the recent rate.
            bytes += t <= 20 ? 500_000 : 125_000;
            meter.Sample(T0.AddSeconds(t), bytes);
        }

        meter.Kbps().Should().BeApproximately(1000, 1);
        meter.Reset();
        meter.Kbps().Should().BeNull();
    }
}
