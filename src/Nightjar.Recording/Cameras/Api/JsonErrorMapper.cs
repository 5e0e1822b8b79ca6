using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>
/// Turns a deserialization <see cref="JsonException"/> into a field error. The kind of error is decided by walking
/// the exception's path through the request's JSON contract, never by reading the exception's English message:
/// a name the contract does not know is an unknown field, anything else is a value of the wrong type.
/// </summary>
internal static class JsonErrorMapper
{
    public static ValidationError Map(JsonException exception, JsonSerializerOptions options, Type rootType)
    {
        var field = JsonFieldPath.FromJsonPath(exception.Path);
        if (!TryParse(exception.Path, out var segments))
        {
            return new ValidationError(field, "has a value of the wrong type");
        }

        var info = options.GetTypeInfo(rootType);
        foreach (var segment in segments)
        {
            if (segment.Name is { } name && info.Kind == JsonTypeInfoKind.Object)
            {
                var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
                if (property is null)
                {
                    return new ValidationError(field, "is not a known field");
                }

                info = options.GetTypeInfo(property.PropertyType);
            }
            else if (info.Kind is JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Enumerable && info.ElementType is { } element)
            {
                // A dictionary key or an array index: either way we step to the element type.
                info = options.GetTypeInfo(element);
            }
            else
            {
                return new ValidationError(field, "has a value of the wrong type");
            }
        }

        return new ValidationError(field, "must be " + Describe(info));
    }

    private static string Describe(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => "an object",
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary => "an object of strings",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) => "a whole number from -2147483648 to 2147483647",
            _ => "a value of another type",
        };
    }

    /// <summary>Splits <c>$.a[0]['b c'].d</c> into name and index segments; false for anything unexpected.</summary>
    private static bool TryParse(string? path, out List<Segment> segments)
    {
        segments = [];
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return false;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(new Segment(path[(i + 1)..end], null));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                // System.Text.Json writes names with special characters as ['name']; the name may itself hold "']",
                // but then only the last segment is affected, and an unparseable tail falls back to a generic message.
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                segments.Add(new Segment(path[(i + 2)..end], null));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                segments.Add(new Segment(null, index));
                i = end + 1;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Segment(string? Name, int? Index);
}
