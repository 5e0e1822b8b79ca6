using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightjar.Recording.Events;

/// <summary>Stores a <see cref="GopIndex"/> as its compact string.</summary>
public sealed class GopIndexJsonConverter : JsonConverter<GopIndex>
{
    public override GopIndex Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A GOP index must be a string.");
        }

        return GopIndex.TryDecode(reader.GetString(), out var index, out var error) ? index : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, GopIndex value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Encode());
    }
}
