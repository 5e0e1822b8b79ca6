using System.Globalization;
using System.Text;

namespace Nightjar.Recording.Tests.Devices.Support;

/// <summary>Alert stream content as Hikvision firmware writes it, and the damaged forms the tests need.</summary>
internal static class Isapi
{
    public const string HikvisionNamespace = "http://www.hikvision.com/ver20/XMLSchema";
    public const string IsapiNamespace = "http://www.isapi.org/ver20/XMLSchema";

    /// <summary>An <c>EventNotificationAlert</c> document.</summary>
    public static string Alert(
        string eventType,
        string state = "active",
        int? channel = 1,
        string dateTime = "2026-11-21T13:00:00+01:00",
        string? region = null,
        string? target = null,
        string? ns = HikvisionNamespace,
        string channelElement = "channelID")
    {
        var builder = new StringBuilder();
        builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n");
        builder.Append(ns is null ? "<EventNotificationAlert version=\"2.0\">\r\n" : $"<EventNotificationAlert version=\"2.0\" xmlns=\"{ns}\">\r\n");
        builder.Append("<ipAddress>192.168.1.64</ipAddress>\r\n<portNo>80</portNo>\r\n<protocol>HTTP</protocol>\r\n");
        builder.Append("<macAddress>44:19:b6:6d:24:85</macAddress>\r\n");
        if (channel is { } number)
        {
            builder.Append(CultureInfo.InvariantCulture, $"<{channelElement}>{number}</{channelElement}>\r\n");
        }

        builder.Append(CultureInfo.InvariantCulture, $"<dateTime>{dateTime}</dateTime>\r\n<activePostCount>1</activePostCount>\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"<eventType>{eventType}</eventType>\r\n<eventState>{state}</eventState>\r\n");
        builder.Append(CultureInfo.InvariantCulture, $"<eventDescription>{eventType} alarm</eventDescription>\r\n");
        if (region is not null || target is not null)
        {
            builder.Append("<DetectionRegionList>\r\n<DetectionRegionEntry>\r\n");
            if (region is not null)
            {
                builder.Append(CultureInfo.InvariantCulture, $"<regionID>{region}</regionID>\r\n");
            }

            builder.Append("<sensitivityLevel>50</sensitivityLevel>\r\n<RegionCoordinatesList>\r\n");
            builder.Append("<RegionCoordinates><positionX>10</positionX><positionY>20</positionY></RegionCoordinates>\r\n");
            builder.Append("</RegionCoordinatesList>\r\n");
            if (target is not null)
            {
                builder.Append(CultureInfo.InvariantCulture, $"<detectionTarget>{target}</detectionTarget>\r\n");
            }

            builder.Append("</DetectionRegionEntry>\r\n</DetectionRegionList>\r\n");
        }

        builder.Append("</EventNotificationAlert>\r\n");
        return builder.ToString();
    }

    /// <summary>The heartbeat: <c>videoloss</c> + <c>inactive</c>.</summary>
    public static string Heartbeat(int channel = 1) => Alert("videoloss", "inactive", channel);

    /// <summary>The JSON form newer firmware sends.</summary>
    public static string JsonAlert(string eventType, string state = "active", int channel = 1, string? region = null, string? target = null)
    {
        var regions = region is null && target is null
            ? string.Empty
            : $", \"DetectionRegionList\": [{{\"regionID\": \"{region}\", \"detectionTarget\": \"{target}\"}}]";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"ipAddress\": \"192.168.1.64\", \"portNo\": 80, \"protocol\": \"HTTP\", \"channelID\": {channel}, \"dateTime\": \"2026-11-21T13:00:00+01:00\", \"activePostCount\": 1, \"eventType\": \"{eventType}\", \"eventState\": \"{state}\", \"eventDescription\": \"{eventType} alarm\"{regions}}}");
    }

    /// <summary>One part with its delimiter line, headers and a Content-Length, as Hikvision writes it.</summary>
    public static string Part(string body, string contentType = "application/xml; charset=\"UTF-8\"", bool contentLength = true) =>
        PartHead(contentType, contentLength ? Encoding.UTF8.GetByteCount(body) : null) + body + "\r\n";

    public static string PartHead(string contentType, long? contentLength) =>
        $"--{IsapiDeviceSimulator.Boundary}\r\nContent-Type: {contentType}\r\n"
        + (contentLength is { } length ? string.Create(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n") : string.Empty)
        + "\r\n";

    /// <summary>A part carrying a fake JPEG of <paramref name="size"/> bytes.</summary>
    public static byte[] ImagePart(int size, byte fill = 0xAB)
    {
        var head = Encoding.ASCII.GetBytes(PartHead("image/jpeg", size));
        var body = new byte[size];
        Array.Fill(body, fill);
        body[0] = 0xFF;
        body[1] = 0xD8;
        return [.. head, .. body, .. "\r\n"u8];
    }
}
