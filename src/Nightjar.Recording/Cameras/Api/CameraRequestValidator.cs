using System.Collections.Immutable;
using System.Globalization;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>
/// Turns a <see cref="CameraRequest"/> into a <see cref="CameraDefinition"/>, or into the list of every field
/// error. Pure: it changes nothing and needs nothing but its arguments. Whether the id is already taken is the
/// caller's question (<see cref="Events.CameraRegistry.Contains"/>).
/// </summary>
/// <remarks>
/// The definition it returns holds PLAINTEXT passwords (or protected ones kept from <c>existing</c>); protect it
/// (<see cref="CameraDefinition.ProtectCredentials"/>, or <see cref="Events.CameraAdded.Create"/>) before it goes
/// anywhere but memory.
/// </remarks>
public static partial class CameraRequestValidator
{
    public const int MaxNameLength = 200;

    public const int MaxStreams = 8;

    public const int MaxLabels = 32;

    public const int MaxLabelKeyLength = 63;

    public const int MaxLabelValueLength = 256;

    /// <summary>Validates a create request (<c>POST</c>): the body must carry the id.</summary>
    public static ValidationResult<CameraDefinition> ValidateCreate(CameraRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        CameraId? id = null;
        if (request.Id is null)
        {
            errors.Add(new("id", "is required"));
        }
        else if (CameraId.TryParse(request.Id, out var parsed, out var error))
        {
            id = parsed;
        }
        else
        {
            errors.Add(new("id", error));
        }

        return Build(id, request, existing: null, errors);
    }

    /// <summary>
    /// Validates a full replace (<c>PUT /cameras/{routeId}</c>): every field takes the request's value or its
    /// default, exactly as on create. The body's id may be absent; when present it must equal
    /// <paramref name="routeId"/>. Stored passwords of <paramref name="existing"/> are kept where the request names
    /// the same user without a password (passwords are write-only, see <see cref="StreamRequest"/>).
    /// </summary>
    public static ValidationResult<CameraDefinition> ValidateReplace(CameraId routeId, CameraRequest request, CameraDefinition? existing)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        if (request.Id is not null && !string.Equals(request.Id, routeId.Value, StringComparison.Ordinal))
        {
            errors.Add(new("id", "must be absent or equal the id in the URL ('" + routeId.Value + "'): a camera id cannot change"));
        }

        return Build(routeId, request, existing?.Id == routeId ? existing : null, errors);
    }

    /// <summary><see cref="CameraRequestParser.Parse(ReadOnlySpan{byte})"/> then <see cref="ValidateCreate"/>.</summary>
    public static ValidationResult<CameraDefinition> ParseCreate(ReadOnlySpan<byte> utf8Json)
    {
        var request = CameraRequestParser.Parse(utf8Json);
        return request.IsValid ? ValidateCreate(request.Value) : ValidationResult.Failure<CameraDefinition>(request.Errors);
    }

    /// <summary><see cref="CameraRequestParser.Parse(ReadOnlySpan{byte})"/> then <see cref="ValidateReplace"/>.</summary>
    public static ValidationResult<CameraDefinition> ParseReplace(CameraId routeId, ReadOnlySpan<byte> utf8Json, CameraDefinition? existing)
    {
        var request = CameraRequestParser.Parse(utf8Json);
        return request.IsValid ? ValidateReplace(routeId, request.Value, existing) : ValidationResult.Failure<CameraDefinition>(request.Errors);
    }

    private static ValidationResult<CameraDefinition> Build(CameraId? id, CameraRequest request, CameraDefinition? existing, List<ValidationError> errors)
    {
        var name = ValidateName(request.Name, errors);
        var streams = ValidateStreams(request.Streams, existing, errors);
        var dvr = ValidateDvr(request.Dvr, errors);
        var events = ValidateEvents(request.Events, existing?.Events, errors);
        var labels = ValidateLabels(request.Labels, errors);
        var audio = ValidateAudio(request.Audio, errors);
        if (errors.Count > 0 || id is null || name is null || dvr is null)
        {
            return ValidationResult.Failure<CameraDefinition>(errors);
        }

        return ValidationResult.Success(new CameraDefinition(id.Value, name, streams, dvr, events, labels, request.Enabled ?? true, audio));
    }

    private static string? ValidateName(string? name, List<ValidationError> errors)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new("name", "is required"));
            return null;
        }

        if (trimmed.Length > MaxNameLength)
        {
            errors.Add(new("name", string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxNameLength} characters")));
            return null;
        }

        if (trimmed.Any(char.IsControl))
        {
            errors.Add(new("name", "must not contain control characters"));
            return null;
        }

        return trimmed;
    }

    private static ImmutableSortedDictionary<string, string> ValidateLabels(IReadOnlyDictionary<string, string?>? labels, List<ValidationError> errors)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (labels is null)
        {
            return result.ToImmutable();
        }

        if (labels.Count > MaxLabels)
        {
            errors.Add(new("labels", string.Create(CultureInfo.InvariantCulture, $"must have at most {MaxLabels} entries")));
            return result.ToImmutable();
        }

        foreach (var (key, value) in labels)
        {
            if (!IsLabelKey(key))
            {
                errors.Add(new("labels", "has an invalid key '" + JsonFieldPath.Display(key) + string.Create(
                    CultureInfo.InvariantCulture,
                    $"': keys are 1 to {MaxLabelKeyLength} characters of A-Z, a-z, 0-9, '.', '_', '-', '/', starting with a letter or digit")));
            }
            else if (value is null)
            {
                errors.Add(new(JsonFieldPath.Child("labels", key), "must be a string"));
            }
            else if (value.Length > MaxLabelValueLength || value.Any(char.IsControl))
            {
                errors.Add(new(JsonFieldPath.Child("labels", key), string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxLabelValueLength} characters without control characters")));
            }
            else
            {
                result[key] = value;
            }
        }

        return result.ToImmutable();
    }

    private static bool IsLabelKey(string key) =>
        key.Length is > 0 and <= MaxLabelKeyLength
        && char.IsAsciiLetterOrDigit(key[0])
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/');

    private static AudioMode ValidateAudio(string? audio, List<ValidationError> errors)
    {
        switch (audio)
        {
            case null or "drop":
                return AudioMode.Drop;
            case "copy":
                return AudioMode.Copy;
            case "transcode":
                return AudioMode.Transcode;
            default:
                errors.Add(new("audio", "must be 'drop', 'copy' or 'transcode'"));
                return AudioMode.Drop;
        }
    }
}
