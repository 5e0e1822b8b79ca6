using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Nightjar.Server.Configuration;
using Nightjar.Server.Hosting;
using Nightjar.Server.Telemetry;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Telemetry;

public sealed class ServerMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ManualTimeProvider _time = new();
    private readonly ServerMetrics _metrics;
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public ServerMetricsTests()
    {
        var node = new NodeInfo(Options.Create(new NodeOptions { Id = "metrics-test" }), _time);
        _metrics = new ServerMetrics(_services.GetRequiredService<IMeterFactory>(), node);

        // Only this instance's meter: parallel hosts create meters with the same name.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void ReadinessCheckFailed_CountsByCheckName()
    {
        _metrics.ReadinessCheckFailed("journal");
        _metrics.ReadinessCheckFailed("journal");

        _measurements.Where(m => m.Instrument == "nightjar.server.readiness.check.failures")
            .Should().HaveCount(2).And.AllSatisfy(m => m.Tags["check"].Should().Be("journal"));
    }

    [Fact]
    public void Observables_ReportInfoAndUptimeFromTheTimeProvider()
    {
        _time.Advance(TimeSpan.FromMinutes(2));

        _listener.RecordObservableInstruments();

        var info = _measurements.Single(m => m.Instrument == "nightjar.server.info");
        info.Value.Should().Be(1);
        info.Tags["node.id"].Should().Be("metrics-test");
        info.Tags["service.version"].Should().Be(NightjarVersion.Informational);
        _measurements.Single(m => m.Instrument == "nightjar.server.uptime").Value.Should().Be(120);
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }
}
