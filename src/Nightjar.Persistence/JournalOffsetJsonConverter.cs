using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightjar.Persistence;

/// <summary>Writes a <see cref="JournalOffset"/> as its string form, so JSON clients see the same token as <c>?after=</c>.</summary>
public sealed class JournalOffsetJsonConverter : JsonConverter<JournalOffset>
{
    public override JournalOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A journal offset must be a JSON string such as \"0-42\".");
        }

        return JournalOffset.TryParse(reader.GetString(), out var offset)
            ? offset
            : throw new JsonException("A journal offset looks like '<transaction>-<ordering>', e.g. \"0-42\".");
    }

    public override void Write(Utf8JsonWriter writer, JournalOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
