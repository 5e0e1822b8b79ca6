using System.Buffers;
using System.Text.Json;

namespace Nightjar.Recording.EventFeed;

/// <summary>The one JSON form of published events, shared by the history API, server-sent events and sinks.</summary>
public static class FeedJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>One event as UTF-8 JSON on a single line (SSE <c>data:</c> lines cannot hold a line break).</summary>
    public static byte[] Serialize(FeedEvent feedEvent) => JsonSerializer.SerializeToUtf8Bytes(feedEvent, Options);

    /// <summary>A sink batch: <c>{"events": [...]}</c>.</summary>
    public static byte[] SerializeBatch(IReadOnlyList<FeedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var buffer = new ArrayBufferWriter<byte>(256 * Math.Max(1, events.Count));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("events");
            writer.WriteStartArray();
            foreach (var feedEvent in events)
            {
                JsonSerializer.Serialize(writer, feedEvent, Options);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
