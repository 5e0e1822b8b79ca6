using System.Xml;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>
/// Reads an ISAPI <c>EventNotificationAlert</c> XML document, with or without its namespace (devices use
/// <c>hikvision.com</c>, <c>isapi.org</c>, <c>isapi.com</c> or none). Hardened like any network input: no DTD, no
/// external resolution, a character cap, and the whole document read so damage anywhere is an error.
/// </summary>
internal static class EventNotificationXml
{
    public const string RootName = "EventNotificationAlert";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 4 * 1024 * 1024,
        MaxCharactersFromEntities = 1024,
        CloseInput = true,
    };

    /// <summary>The event, or null with <paramref name="error"/> (a short reason without device text).</summary>
    public static DeviceEvent? Parse(ReadOnlyMemory<byte> utf8, out string? error)
    {
        try
        {
            using var stream = new MemoryStream(utf8.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            var fields = new AlertFields();
            if (reader.MoveToContent() != XmlNodeType.Element || !string.Equals(reader.LocalName, RootName, StringComparison.Ordinal))
            {
                error = "the root element is not " + RootName;
                return null;
            }

            ReadFields(reader, fields);
            return fields.ToEvent(out error);
        }
        catch (XmlException ex)
        {
            error = "malformed XML at line " + ex.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return null;
        }
    }

    private static void ReadFields(XmlReader reader, AlertFields fields)
    {
        var rootDepth = reader.Depth;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement)
            {
                continue;
            }

            var name = reader.LocalName;
            var topLevel = reader.Depth == rootDepth + 1;
            switch (name)
            {
                case "eventType" when topLevel:
                    fields.EventType ??= ReadText(reader);
                    break;
                case "eventState" when topLevel:
                    fields.EventState ??= ReadText(reader);
                    break;
                case "channelID" when topLevel:
                    fields.ChannelId ??= ReadText(reader);
                    break;
                case "dynChannelID" when topLevel:
                    fields.DynChannelId ??= ReadText(reader);
                    break;
                case "dateTime" when topLevel:
                    fields.DateTime ??= ReadText(reader);
                    break;
                case "regionID":
                    fields.RegionId ??= ReadText(reader);
                    break;
                case "detectionTarget" or "targetType":
                    fields.Target ??= ReadText(reader);
                    break;
            }
        }
    }

    private static string? ReadText(XmlReader reader)
    {
        // Leaf text only; an element with children here is not what the schema says, so it counts as absent.
        if (!reader.Read())
        {
            return null;
        }

        return reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA ? reader.Value : null;
    }
}
