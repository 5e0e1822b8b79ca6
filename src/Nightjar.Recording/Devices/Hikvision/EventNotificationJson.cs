using System.Globalization;
using System.Text.Json;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>
/// Reads the JSON form of <c>EventNotificationAlert</c> that newer firmware sends. Numbers may come as numbers or
/// strings; region and target are found at any depth (their container differs between event types).
/// </summary>
internal static class EventNotificationJson
{
    private const int MaxDepth = 32;

    public static DeviceEvent? Parse(ReadOnlyMemory<byte> utf8, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "the document is not a JSON object";
                return null;
            }

            var fields = new AlertFields
            {
                EventType = Scalar(root, "eventType"),
                EventState = Scalar(root, "eventState"),
                ChannelId = Scalar(root, "channelID"),
                DynChannelId = Scalar(root, "dynChannelID"),
                DateTime = Scalar(root, "dateTime"),
            };
            FindNested(root, fields, 0);
            return fields.ToEvent(out error);
        }
        catch (JsonException ex)
        {
            error = "malformed JSON at line " + ((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
            return null;
        }
        catch (InvalidOperationException)
        {
            // JsonDocument checks structure up front but decodes strings lazily: invalid UTF-8 surfaces here.
            error = "malformed JSON: a string is not valid UTF-8";
            return null;
        }
    }

    private static string? Scalar(JsonElement element, string name)
    {
        // First property of that name wins, like the XML reader (duplicates are a device bug, not a reason to drop).
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return ScalarOf(property.Value);
            }
        }

        return null;
    }

    private static string? ScalarOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static void FindNested(JsonElement element, AlertFields fields, int depth)
    {
        if (depth > MaxDepth || fields.RegionId is not null && fields.Target is not null)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "regionID":
                            fields.RegionId ??= ScalarOf(property.Value);
                            break;
                        case "detectionTarget" or "targetType":
                            fields.Target ??= ScalarOf(property.Value);
                            break;
                        default:
                            FindNested(property.Value, fields, depth + 1);
                            break;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    FindNested(item, fields, depth + 1);
                }

                break;
        }
    }
}
