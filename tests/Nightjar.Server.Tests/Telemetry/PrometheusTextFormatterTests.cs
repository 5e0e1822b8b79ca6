using System.Diagnostics.Metrics;
using Nightjar.Server.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Nightjar.Server.Tests.Telemetry;

public sealed class PrometheusTextFormatterTests : IDisposable
{
    // A meter name of its own: the SDK listens process-wide, and other tests run in parallel.
    private readonly string _meterName = "Nightjar.Test." + Guid.NewGuid().ToString("N");
    private readonly Meter _meter;
    private readonly PrometheusTextExporter _exporter = new();
    private readonly MeterProvider _provider;

    public PrometheusTextFormatterTests()
    {
        _meter = new Meter(_meterName);
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(_meterName)
            .AddReader(new BaseExportingMetricReader(_exporter))
            .Build();
    }

    public void Dispose()
    {
        _provider.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Scrape_Counter_IsTypedWithTotalAndEscapesHelpAndLabels()
    {
        var counter = _meter.CreateCounter<long>("nightjar.test.segments", unit: "{segment}", description: "Segments\nwritten \\ total");
        counter.Add(3, new KeyValuePair<string, object?>("outcome", "fa\"st\\\nest"), new KeyValuePair<string, object?>("disk.id", 7));

        var text = _exporter.Scrape(5_000);

        text.Should().Contain("# HELP nightjar_test_segments_total Segments\\nwritten \\\\ total\n");
        text.Should().Contain("# TYPE nightjar_test_segments_total counter\n");
        text.Should().Contain("nightjar_test_segments_total{disk_id=\"7\",outcome=\"fa\\\"st\\\\\\nest\"} 3\n");
    }

    [Fact]
    public void Scrape_Histogram_HasCumulativeBucketsEndingWithInfSumAndCount()
    {
        var histogram = _meter.CreateHistogram<double>(
            "nightjar.test.write.duration",
            unit: "s",
            description: null,
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.1, 1, 10] });
        histogram.Record(0.003);
        histogram.Record(0.2);
        histogram.Record(7);
        histogram.Record(1e9);

        var lines = _exporter.Scrape(5_000).Split('\n');

        lines.Should().Contain("# TYPE nightjar_test_write_duration_seconds histogram");
        var buckets = lines.Where(l => l.StartsWith("nightjar_test_write_duration_seconds_bucket", StringComparison.Ordinal)).ToList();
        buckets.Should().Equal(
            "nightjar_test_write_duration_seconds_bucket{le=\"0.005\"} 1",
            "nightjar_test_write_duration_seconds_bucket{le=\"0.1\"} 1",
            "nightjar_test_write_duration_seconds_bucket{le=\"1\"} 2",
            "nightjar_test_write_duration_seconds_bucket{le=\"10\"} 3",
            "nightjar_test_write_duration_seconds_bucket{le=\"+Inf\"} 4");
        lines.Should().Contain("nightjar_test_write_duration_seconds_sum 1000000007.203");
        lines.Should().Contain("nightjar_test_write_duration_seconds_count 4");
    }

    [Fact]
    public void Scrape_UpDownCounterAndGauge_AreGauges()
    {
        var cameras = _meter.CreateUpDownCounter<long>("nightjar.test.cameras", unit: "{camera}");
        cameras.Add(5);
        cameras.Add(-2);
        _meter.CreateObservableGauge("nightjar.test.disk.usage", () => 0.25, unit: "1");
        _meter.CreateCounter<long>("nightjar.test.bytes", unit: "By").Add(10);

        var text = _exporter.Scrape(5_000);

        text.Should().Contain("# TYPE nightjar_test_cameras gauge\nnightjar_test_cameras 3\n");
        text.Should().Contain("# TYPE nightjar_test_disk_usage_ratio gauge\nnightjar_test_disk_usage_ratio 0.25\n");
        text.Should().Contain("# TYPE nightjar_test_bytes_total counter\nnightjar_test_bytes_total 10\n", "the unit suffix is not repeated");
    }

    [Fact]
    public void Scrape_AfterShutdown_Throws()
    {
        _provider.Dispose();

        ((Action)(() => _exporter.Scrape(1_000))).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData("s", "gauge", "seconds")]
    [InlineData("ms", "histogram", "milliseconds")]
    [InlineData("By", "counter", "bytes")]
    [InlineData("By/s", "gauge", "bytes_per_second")]
    [InlineData("{request}/s", "gauge", "per_second")]
    [InlineData("{segment}", "counter", "")]
    [InlineData("1", "gauge", "ratio")]
    [InlineData("1", "counter", "")]
    [InlineData("%", "gauge", "percent")]
    [InlineData("Mbit", "gauge", "Mbit")]
    [InlineData(null, "gauge", "")]
    public void UnitSuffix_FollowsTheOpenTelemetryToPrometheusRules(string? unit, string type, string expected)
    {
        PrometheusTextFormatter.UnitSuffix(unit, type).Should().Be(expected);
    }

    [Theory]
    [InlineData("http.server.request.duration", "http_server_request_duration")]
    [InlineData("nightjar.recording.segment-count", "nightjar_recording_segment_count")]
    [InlineData("9lives", "_9lives")]
    [InlineData("a..b", "a_b")]
    [InlineData("ünïcode", "_n_code")]
    [InlineData("", "_")]
    public void SanitizeName_KeepsOnlyPrometheusCharacters(string name, string expected)
    {
        PrometheusTextFormatter.SanitizeName(name).Should().Be(expected);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1E+21")]
    public void FormatValue_UsesPrometheusSpellings(double value, string expected)
    {
        PrometheusTextFormatter.FormatValue(value).Should().Be(expected);
    }
}
