using System.Text.Json;
using System.Text.Unicode;
using Nightjar.Recording.EventSinks;
using Nightjar.Recording.Validation;

namespace Nightjar.Server.Api.EventSinks;

/// <summary>
/// Reads an event sink body strictly: one object, known fields only (exact case), no repeats, the right JSON types.
/// Every problem is a <see cref="ValidationError"/> naming the field (<c>only.types[1]</c>); nothing throws.
/// </summary>
internal static class EventSinkRequestParser
{
    /// <summary>Largest accepted body: 20 headers of 1 KiB and two lists of 100 entries fit easily.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "name", "url", "only", "headers", "secret", "batchSize", "from" };
    private static readonly HashSet<string> OnlyFields = new(StringComparer.Ordinal) { "types", "cameras" };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 4,
    };

    public static ValidationResult<EventSinkRequest> Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json.Span))
        {
            return ValidationResult.Failure<EventSinkRequest>(ValidationError.Body, "is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return ValidationResult.Failure<EventSinkRequest>(ValidationError.Body, "is not valid JSON: " + ex.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ValidationResult.Failure<EventSinkRequest>(ValidationError.Body, "must be a JSON object");
            }

            var errors = new List<ValidationError>();
            var fields = Collect(root, Fields, prefix: string.Empty, errors);
            var request = new EventSinkRequest
            {
                Name = String(fields, "name", errors),
                Url = String(fields, "url", errors),
                BatchSize = Integer(fields, "batchSize", errors),
                From = String(fields, "from", errors),
                Headers = Headers(fields, errors),
            };

            if (fields.TryGetValue("only", out var only))
            {
                if (only.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new("only", "must be an object: {\"types\": [...], \"cameras\": [...]}"));
                }
                else
                {
                    var onlyFields = Collect(only, OnlyFields, "only.", errors);
                    request = request with { Types = Strings(onlyFields, "types", "only.types", errors), Cameras = Strings(onlyFields, "cameras", "only.cameras", errors) };
                }
            }

            request = fields.TryGetValue("secret", out var secret) ? WithSecret(request, secret, errors) : request;
            return errors.Count > 0 ? ValidationResult.Failure<EventSinkRequest>(errors) : ValidationResult.Success(request);
        }
    }

    private static Dictionary<string, JsonElement> Collect(JsonElement obj, HashSet<string> known, string prefix, List<ValidationError> errors)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors.Add(new(prefix + Display(property.Name), "is not a known field"));
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                errors.Add(new(prefix + property.Name, "is given more than once"));
            }
        }

        return fields;
    }

    private static string? String(Dictionary<string, JsonElement> fields, string name, List<ValidationError> errors)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(name, "must be a string"));
            return null;
        }

        return value.GetString();
    }

    private static long? Integer(Dictionary<string, JsonElement> fields, string name, List<ValidationError> errors)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            errors.Add(new(name, "must be a whole number"));
            return null;
        }

        return number;
    }

    private static string[]? Strings(Dictionary<string, JsonElement> fields, string name, string path, List<ValidationError> errors)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            errors.Add(new(path, "must be an array of strings"));
            return null;
        }

        return [.. value.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static Dictionary<string, string>? Headers(Dictionary<string, JsonElement> fields, List<ValidationError> errors)
    {
        if (!fields.TryGetValue("headers", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("headers", "must be an object of header name → string value"));
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new("headers." + Display(property.Name), "must be a string"));
            }
            else if (!headers.TryAdd(property.Name, property.Value.GetString()!))
            {
                errors.Add(new("headers." + Display(property.Name), "is given more than once"));
            }
        }

        return headers;
    }

    private static EventSinkRequest WithSecret(EventSinkRequest request, JsonElement secret, List<ValidationError> errors)
    {
        switch (secret.ValueKind)
        {
            case JsonValueKind.String:
                return request with { SecretAction = EventSinkSecretAction.Set, Secret = secret.GetString() };
            case JsonValueKind.True:
                return request with { SecretAction = EventSinkSecretAction.Keep };
            case JsonValueKind.False:
            case JsonValueKind.Null:
                return request with { SecretAction = EventSinkSecretAction.Remove };
            default:
                errors.Add(new("secret", "must be a string (the secret), true (keep the stored one), or false/null (none)"));
                return request;
        }
    }

    /// <summary>Names from the request go back into error messages: keep them short and printable.</summary>
    private static string Display(string name)
    {
        var printable = new string([.. name.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return name.Length > 64 ? printable + "..." : printable;
    }
}
