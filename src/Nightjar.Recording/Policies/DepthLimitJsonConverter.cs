using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightjar.Recording.Policies;

/// <summary>Writes a <see cref="DepthLimit"/> as <c>"7d"</c> or <c>"unlimited"</c>.</summary>
public sealed class DepthLimitJsonConverter : JsonConverter<DepthLimit>
{
    public override DepthLimit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A depth must be a string such as \"7d\" or \"unlimited\".");
        }

        return DepthLimit.TryParse(reader.GetString(), out var value, out var error)
            ? value
            : throw new JsonException("Depth " + error + ".");
    }

    public override void Write(Utf8JsonWriter writer, DepthLimit value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
