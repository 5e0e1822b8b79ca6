using System.Text.Json;
using Nightjar.Recording.Protection;
using Nightjar.Recording.Validation;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Locks;

/// <summary>Reads a lock body strictly: known fields only, strings for times (<see cref="IsoTime"/>), <c>until</c> may be null.</summary>
internal static class LockBodyParser
{
    private static readonly string[] Fields = ["from", "to", "until", "reason"];

    /// <summary>The request, or the errors (syntax, unknown or repeated fields, wrong types, unreadable times); never throws.</summary>
    public static ValidationResult<EvidenceLockRequest> Parse(ReadOnlyMemory<byte> utf8Json)
    {
        var parsed = StrictJsonObject.Parse(utf8Json, Fields);
        if (parsed.Value is not { } json)
        {
            return ValidationResult.Failure<EvidenceLockRequest>(parsed.Errors);
        }

        var errors = new List<ValidationError>();
        var from = Time(json, "from", required: true, errors);
        var to = Time(json, "to", required: true, errors);
        var until = IsNull(utf8Json, "until") ? null : Time(json, "until", required: false, errors);
        var reason = json.GetString("reason", errors);
        if (reason is null && !errors.Any(e => e.Field == "reason"))
        {
            errors.Add(new("reason", "is required"));
        }

        return errors.Count > 0
            ? ValidationResult.Failure<EvidenceLockRequest>(errors)
            : ValidationResult.Success(new EvidenceLockRequest(from!.Value, to!.Value, until, reason!));
    }

    private static DateTimeOffset? Time(StrictJsonObject json, string field, bool required, List<ValidationError> errors)
    {
        var before = errors.Count;
        var text = json.GetString(field, errors);
        if (errors.Count > before)
        {
            errors[^1] = new(field, IsoTime.Rule);
            return null;
        }

        if (text is null)
        {
            if (required)
            {
                errors.Add(new(field, "is required"));
            }

            return null;
        }

        if (!IsoTime.TryParse(text, out var time))
        {
            errors.Add(new(field, IsoTime.Rule));
            return null;
        }

        return time;
    }

    /// <summary>Whether the (already strictly parsed) body has <c>"field": null</c>, which means "not given" for until.</summary>
    private static bool IsNull(ReadOnlyMemory<byte> utf8Json, string field)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Null;
    }
}
