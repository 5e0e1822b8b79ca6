using System.Collections;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.Tests.Configuration;

public sealed class EventsOptionsTests
{
    [Fact]
    public void Load_NothingConfigured_UsesTheDocumentedDefaults()
    {
        var events = Load(new()).Events;

        events.HeartbeatSeconds.Should().Be(15);
        events.StreamBufferEvents.Should().Be(1000);
        events.ScanBudget.Should().Be(10_000);
        events.SinkTimeoutSeconds.Should().Be(10);
        events.SinkMinBackoffSeconds.Should().Be(1);
        events.SinkMaxBackoffSeconds.Should().Be(60);
    }

    [Fact]
    public void Load_EventsSectionFromEnvironment_IsAcceptedAndBound()
    {
        var environment = new Hashtable
        {
            ["NIGHTJAR__EVENTS__HEARTBEATSECONDS"] = "5",
            ["NIGHTJAR__EVENTS__SINKMAXBACKOFFSECONDS"] = "30",
        };

        var events = NightjarSettings.Load(NightjarConfiguration.Load(null, environment)).Events;

        events.HeartbeatSeconds.Should().Be(5);
        events.SinkMaxBackoffSeconds.Should().Be(30);
    }

    [Theory]
    [InlineData("Events:HeartbeatSeconds", "0")]
    [InlineData("Events:StreamBufferEvents", "many")]
    [InlineData("Events:SinkTimeoutSeconds", "100000")]
    [InlineData("Events:Color", "blue")]
    public void Load_BadValueOrUnknownKey_NamesTheKey(string key, string value)
    {
        var load = () => Load(new() { [key] = value });

        load.Should().Throw<ConfigurationException>().Which.Errors.Select(e => e.ToString())
            .Should().Contain(error => error.Contains(key, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Load_MaxBackoffBelowMin_IsRefused()
    {
        var load = () => Load(new() { ["Events:SinkMinBackoffSeconds"] = "10", ["Events:SinkMaxBackoffSeconds"] = "5" });

        load.Should().Throw<ConfigurationException>().Which.Errors.Select(e => e.ToString())
            .Should().Contain(error => error.Contains("SinkMaxBackoffSeconds", StringComparison.Ordinal));
    }

    private static NightjarSettings Load(Dictionary<string, string?> values) =>
        NightjarSettings.Load(NightjarConfiguration.Load(null, new Hashtable(), values));
}
