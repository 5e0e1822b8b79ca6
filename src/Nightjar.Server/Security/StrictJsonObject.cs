using System.Text.Json;
using System.Text.Unicode;
using Nightjar.Recording.Validation;

namespace Nightjar.Server.Security;

/// <summary>
/// A small flat JSON object read strictly: one object, known field names only (exact case), no repeats, no comments
/// or trailing commas, shallow. Every problem is a <see cref="ValidationError"/> naming the field; nothing throws.
/// For the small bodies of the key and token endpoints (the camera body has its own parser).
/// </summary>
internal sealed class StrictJsonObject
{
    private const int MaxDepth = 4;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxDepth,
    };

    private readonly Dictionary<string, JsonElement> _fields;

    private StrictJsonObject(Dictionary<string, JsonElement> fields) => _fields = fields;

    /// <summary>An empty object, for an optional body that was not sent.</summary>
    public static StrictJsonObject Empty { get; } = new(new Dictionary<string, JsonElement>(StringComparer.Ordinal));

    /// <summary>Parses <paramref name="utf8Json"/>; an unknown or repeated field or a syntax error is a failure.</summary>
    public static ValidationResult<StrictJsonObject> Parse(ReadOnlyMemory<byte> utf8Json, IReadOnlyCollection<string> knownFields)
    {
        ArgumentNullException.ThrowIfNull(knownFields);

        // The reader checks UTF-8 inside strings only when a name or value is decoded, and then throws.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            return ValidationResult.Failure<StrictJsonObject>(ValidationError.Body, "is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // The reader's message names the position, never more than a character of the input.
            return ValidationResult.Failure<StrictJsonObject>(ValidationError.Body, "is not valid JSON: " + ex.Message);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ValidationResult.Failure<StrictJsonObject>(ValidationError.Body, "must be a JSON object");
            }

            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var errors = new List<ValidationError>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!knownFields.Contains(property.Name))
                {
                    errors.Add(new(Display(property.Name), "is not a known field"));
                }
                else if (!fields.TryAdd(property.Name, property.Value.Clone()))
                {
                    errors.Add(new(property.Name, "is given more than once"));
                }
            }

            return errors.Count > 0 ? ValidationResult.Failure<StrictJsonObject>(errors) : ValidationResult.Success(new StrictJsonObject(fields));
        }
    }

    /// <summary>A string field; null when absent. A JSON <c>null</c> or another type is an error.</summary>
    public string? GetString(string field, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!_fields.TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(field, "must be a string"));
            return null;
        }

        return value.GetString();
    }

    /// <summary>An integer field; null when absent. Fractions, strings and out-of-range numbers are errors.</summary>
    public long? GetInt64(string field, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!_fields.TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            errors.Add(new(field, "must be a whole number"));
            return null;
        }

        return number;
    }

    /// <summary>An array of strings; null when absent.</summary>
    public IReadOnlyList<string>? GetStringArray(string field, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!_fields.TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            errors.Add(new(field, "must be an array of strings"));
            return null;
        }

        return [.. value.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>Field names from the request go back into error messages: keep them short and printable.</summary>
    private static string Display(string name)
    {
        var printable = new string([.. name.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return name.Length > 64 ? printable + "..." : printable;
    }
}
