using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras;

/// <summary>Writes a <see cref="CameraId"/> as a plain JSON string and refuses invalid ids on read.</summary>
public sealed class CameraIdJsonConverter : JsonConverter<CameraId>
{
    public override CameraId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A camera id must be a string.");
        }

        return CameraId.TryParse(reader.GetString(), out var id, out var error) ? id : throw new JsonException("Camera id " + error + ".");
    }

    public override void Write(Utf8JsonWriter writer, CameraId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
