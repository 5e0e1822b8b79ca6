using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightjar.Recording.Policies;

/// <summary>Writes a <see cref="ByteSize"/> as its canonical text (<c>"100GB"</c>), so journals and responses stay readable.</summary>
public sealed class ByteSizeJsonConverter : JsonConverter<ByteSize>
{
    public override ByteSize Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A size must be a string such as \"100GB\".");
        }

        return ByteSize.TryParse(reader.GetString(), out var value, out var error)
            ? value
            : throw new JsonException("Size " + error + ".");
    }

    public override void Write(Utf8JsonWriter writer, ByteSize value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
