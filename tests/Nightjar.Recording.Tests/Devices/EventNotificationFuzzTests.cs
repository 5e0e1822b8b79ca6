using System.Text;
using Nightjar.Recording.Devices.Hikvision;
using Nightjar.Recording.Tests.Devices.Support;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Devices;

/// <summary>Random, truncated and oversized documents: a clean event or a clean error, never an exception or a hang.</summary>
public sealed class EventNotificationFuzzTests
{
    private static readonly string ValidXml = Isapi.Alert("linedetection", region: "1", target: "human");
    private static readonly string ValidJson = Isapi.JsonAlert("linedetection", region: "1", target: "human");

    [Fact]
    public async Task Xml_EveryTruncation_IsAnEventOrAnError()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            foreach (var prefix in Fuzz.Prefixes(ValidXml))
            {
                Check(EventNotificationXml.Parse(Encoding.UTF8.GetBytes(prefix), out var error), error);
            }
        });
    }

    [Fact]
    public async Task Json_EveryTruncation_IsAnEventOrAnError()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            foreach (var prefix in Fuzz.Prefixes(ValidJson))
            {
                Check(EventNotificationJson.Parse(Encoding.UTF8.GetBytes(prefix), out var error), error);
            }
        });
    }

    [Fact]
    public async Task Both_RandomText_IsAnEventOrAnError()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            foreach (var text in Fuzz.Strings(6101, 2_000, "<>/=\"{}[]:,eventTypeVMDactive", maxLength: 300))
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                Check(EventNotificationXml.Parse(bytes, out var xmlError), xmlError);
                Check(EventNotificationJson.Parse(bytes, out var jsonError), jsonError);
            }
        });
    }

    [Fact]
    public async Task Both_MutatedValidDocuments_AreAnEventOrAnError()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(6102);
            foreach (var valid in new[] { ValidXml, ValidJson })
            {
                var source = Encoding.UTF8.GetBytes(valid);
                for (var i = 0; i < 1_000; i++)
                {
                    var bytes = (byte[])source.Clone();
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    Check(EventNotificationXml.Parse(bytes, out var xmlError), xmlError);
                    Check(EventNotificationJson.Parse(bytes, out var jsonError), jsonError);
                }
            }
        });
    }

    [Fact]
    public async Task Both_DeeplyNestedDocuments_AreErrorsNotStackOverflows()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var xml = "<EventNotificationAlert>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</EventNotificationAlert>";
            var json = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);

            Check(EventNotificationXml.Parse(Encoding.UTF8.GetBytes(xml), out var xmlError), xmlError);
            EventNotificationJson.Parse(Encoding.UTF8.GetBytes(json), out var jsonError).Should().BeNull();
            jsonError.Should().NotBeNull();
        });
    }

    private static void Check(DeviceEvent? parsed, string? error)
    {
        if (parsed is null)
        {
            error.Should().NotBeNullOrEmpty();
        }
        else
        {
            error.Should().BeNull();
            parsed.EventType.Length.Should().BeInRange(1, DeviceText.MaxTypeLength);
        }
    }
}
