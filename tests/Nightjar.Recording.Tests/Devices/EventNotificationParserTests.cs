using System.Text;
using Nightjar.Recording.Devices.Hikvision;
using Nightjar.Recording.Events;
using Nightjar.Recording.Tests.Devices.Support;

namespace Nightjar.Recording.Tests.Devices;

public sealed class EventNotificationParserTests
{
    [Theory]
    [InlineData(Isapi.HikvisionNamespace)]
    [InlineData(Isapi.IsapiNamespace)]
    [InlineData(null)]
    public void Xml_WithOrWithoutNamespace_ReadsTheEvent(string? ns)
    {
        var parsed = Xml(Isapi.Alert("VMD", "active", 3, ns: ns));

        parsed.Should().Be(new DeviceEvent("VMD", AlarmState.Active, 3, new DateTimeOffset(2026, 11, 21, 13, 0, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Xml_SmartEvent_CarriesRegionAndTargetInLowerCase()
    {
        var parsed = Xml(Isapi.Alert("linedetection", region: "2", target: "Human"));

        parsed!.Region.Should().Be("2");
        parsed.Target.Should().Be("human");
    }

    [Fact]
    public void Xml_TargetTypeSpelling_IsReadToo()
    {
        var xml = Isapi.Alert("fielddetection").Replace("</EventNotificationAlert>", "<targetType>vehicle</targetType></EventNotificationAlert>", StringComparison.Ordinal);

        Xml(xml)!.Target.Should().Be("vehicle");
    }

    [Fact]
    public void Xml_NvrDynamicChannel_IsTheChannelWhenChannelIdIsAbsent()
    {
        Xml(Isapi.Alert("VMD", channel: 5, channelElement: "dynChannelID"))!.Channel.Should().Be(5);
    }

    [Theory]
    [InlineData("2026-11-21T13:00:00", null)]
    [InlineData("2026-11-21T12:00:00Z", "2026-11-21T12:00:00+00:00")]
    [InlineData("2026-11-21T13:00:00.250+01:00", "2026-11-21T13:00:00.250+01:00")]
    [InlineData("yesterday", null)]
    public void Xml_DateTime_IsTrustedOnlyWithAnOffset(string dateTime, string? expected)
    {
        var parsed = Xml(Isapi.Alert("VMD", dateTime: dateTime));

        parsed!.At.Should().Be(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("active", AlarmState.Active)]
    [InlineData("Inactive", AlarmState.Inactive)]
    [InlineData("", AlarmState.Pulse)]
    public void Xml_States(string state, AlarmState expected) => Xml(Isapi.Alert("IO", state))!.State.Should().Be(expected);

    [Theory]
    [InlineData("<EventNotificationAlert><eventType>VMD</eventType>", "malformed XML")]
    [InlineData("<ResponseStatus><statusCode>4</statusCode></ResponseStatus>", "root element")]
    [InlineData("<EventNotificationAlert><eventState>active</eventState></EventNotificationAlert>", "no eventType")]
    [InlineData("<EventNotificationAlert><eventType>VMD; DROP</eventType></EventNotificationAlert>", "not a short token")]
    [InlineData("<EventNotificationAlert><eventType>VMD</eventType></EventNotificationAlert><second/>", "malformed XML")]
    public void Xml_Invalid_IsAnErrorWithAReason(string xml, string reason)
    {
        var parsed = EventNotificationXml.Parse(Encoding.UTF8.GetBytes(xml), out var error);

        parsed.Should().BeNull();
        error.Should().Contain(reason);
    }

    [Fact]
    public void Xml_DocumentTypeDeclaration_IsRefused()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE EventNotificationAlert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <EventNotificationAlert><eventType>&xxe;</eventType></EventNotificationAlert>
            """;

        EventNotificationXml.Parse(Encoding.UTF8.GetBytes(xxe), out var error).Should().BeNull();
        error.Should().Contain("malformed XML");
    }

    [Fact]
    public void Json_NewerFirmware_ReadsTheEventWithNestedRegionAndTarget()
    {
        var parsed = Json(Isapi.JsonAlert("regionEntrance", "inactive", 2, region: "4", target: "vehicle"));

        parsed.Should().Be(new DeviceEvent(
            "regionEntrance", AlarmState.Inactive, 2, new DateTimeOffset(2026, 11, 21, 13, 0, 0, TimeSpan.FromHours(1)), "4", "vehicle"));
    }

    [Fact]
    public void Json_NumbersAsStrings_AreAccepted()
    {
        Json("""{"eventType": "VMD", "eventState": "active", "channelID": "7", "DetectionRegionList": {"DetectionRegionEntry": [{"regionID": 3}]}}""")
            .Should().Be(new DeviceEvent("VMD", AlarmState.Active, 7, null, "3"));
    }

    [Theory]
    [InlineData("""{"eventType": "VMD",""", "malformed JSON")]
    [InlineData("""["VMD"]""", "not a JSON object")]
    [InlineData("""{"eventState": "active"}""", "no eventType")]
    public void Json_Invalid_IsAnErrorWithAReason(string json, string reason)
    {
        EventNotificationJson.Parse(Encoding.UTF8.GetBytes(json), out var error).Should().BeNull();
        error.Should().Contain(reason);
    }

    [Theory]
    [InlineData("VMD", true)]
    [InlineData("vmd", true)]
    [InlineData("fieldDetection", true)]
    [InlineData("linedetection", true)]
    [InlineData("regionEntrance", true)]
    [InlineData("regionExiting", true)]
    [InlineData("PIR", true)]
    [InlineData("tamperdetection", false)]
    [InlineData("videoloss", false)]
    [InlineData("shelteralarm", false)]
    [InlineData("facedetection", false)]
    [InlineData("scenechangedetection", false)]
    [InlineData("unattendedBaggage", false)]
    [InlineData("attendedBaggage", false)]
    [InlineData("audioexception", false)]
    public void EventTypes_MotionTable(string eventType, bool motion) => HikvisionEventTypes.IsMotion(eventType).Should().Be(motion);

    [Theory]
    [InlineData("videoloss", AlarmState.Inactive, true)]
    [InlineData("videoloss", AlarmState.Active, false)]
    [InlineData("heartBeat", AlarmState.Active, true)]
    [InlineData("VMD", AlarmState.Inactive, false)]
    public void EventTypes_Heartbeat(string eventType, AlarmState state, bool heartbeat) =>
        HikvisionEventTypes.IsHeartbeat(new DeviceEvent(eventType, state, 1, null)).Should().Be(heartbeat);

    [Theory]
    [InlineData("vmd", "VMD")]
    [InlineData("LineDetection", "linedetection")]
    [InlineData("somethingNew", "other")]
    public void EventTypes_MetricTagIsBounded(string eventType, string tag) => HikvisionEventTypes.TagOf(eventType).Should().Be(tag);

    private static DeviceEvent? Xml(string xml)
    {
        var parsed = EventNotificationXml.Parse(Encoding.UTF8.GetBytes(xml), out var error);
        error.Should().BeNull();
        return parsed;
    }

    private static DeviceEvent? Json(string json)
    {
        var parsed = EventNotificationJson.Parse(Encoding.UTF8.GetBytes(json), out var error);
        error.Should().BeNull();
        return parsed;
    }
}
