using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightjar.Recording.Policies;

/// <summary>Writes a <see cref="TimeSpan"/> in <see cref="DurationText"/> form (<c>"10s"</c>, <c>"1d12h"</c>).</summary>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A duration must be a string such as \"10s\".");
        }

        return DurationText.TryParse(reader.GetString(), out var value, out var error)
            ? value
            : throw new JsonException("Duration " + error + ".");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(DurationText.Format(value));
    }
}
