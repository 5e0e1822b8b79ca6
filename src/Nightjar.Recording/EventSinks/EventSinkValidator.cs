using System.Collections.Immutable;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.EventFeed;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// Checks an <see cref="EventSinkRequest"/> and turns it into a stored <see cref="EventSinkDefinition"/> with every
/// secret protected. Errors name the request field (<c>url</c>, <c>only.types</c>, <c>headers.X-Token</c>).
/// </summary>
public static partial class EventSinkValidator
{
    public const int DefaultBatchSize = 100;
    public const int MaxBatchSize = 1000;
    public const int MaxNameLength = 100;
    public const int MaxUrlLength = 2048;
    public const int MaxHeaders = 20;
    public const int MaxHeaderNameLength = 64;
    public const int MaxHeaderValueLength = 1024;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;

    /// <summary>What a request sends for a secret it does not want to change (the form responses show).</summary>
    public const string KeepMask = RedactedUrl.Mask;

    /// <summary>Headers the delivery sets itself or that HTTP reserves.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-type", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive",
        "upgrade", "te", "trailer", "expect", "proxy-authorization", "proxy-connection",
    };

    /// <summary>Validates <paramref name="request"/>; <paramref name="existing"/> is the stored sink on a replace (null on create).</summary>
    public static ValidationResult<EventSinkDefinition> Validate(
        string id, EventSinkRequest request, EventSinkDefinition? existing, ISecretProtector protector, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(protector);
        var errors = new List<ValidationError>();

        var name = ValidateName(request.Name, id, errors);
        var url = ValidateUrl(request.Url, existing, protector, errors);
        var filter = FeedEventFilter.Create(request.Types, request.Cameras, "only.types", "only.cameras");
        errors.AddRange(filter.Errors);
        var headers = ValidateHeaders(request.Headers, existing, protector, errors);
        var secret = ValidateSecret(request, existing, protector, errors);
        var batchSize = request.BatchSize ?? existing?.BatchSize ?? DefaultBatchSize;
        if (batchSize is < 1 or > MaxBatchSize)
        {
            errors.Add(new("batchSize", $"must be between 1 and {MaxBatchSize}"));
        }

        EventSinkStart? from = request.From switch
        {
            null => null,
            "now" => EventSinkStart.Now,
            "start" => EventSinkStart.Start,
            _ => Invalid(errors, "from", "must be \"now\" or \"start\""),
        };

        if (errors.Count > 0)
        {
            return ValidationResult.Failure<EventSinkDefinition>(errors);
        }

        return ValidationResult.Success(new EventSinkDefinition(
            id,
            name!,
            url!.Value.Protected,
            url.Value.Display,
            [.. (request.Types ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. (request.Cameras ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            headers!,
            secret,
            (int)batchSize,
            from ?? existing?.From ?? EventSinkStart.Now,
            existing is null ? 1 : from is null ? existing.Epoch : existing.Epoch + 1,
            existing?.CreatedAt ?? now,
            now));
    }

    private static EventSinkStart? Invalid(List<ValidationError> errors, string field, string message)
    {
        errors.Add(new(field, message));
        return null;
    }

    private static string? ValidateName(string? name, string id, List<ValidationError> errors)
    {
        if (name is null)
        {
            return id;
        }

        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl) || string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("name", $"must be 1 to {MaxNameLength} printable characters"));
            return null;
        }

        return name;
    }

    private static string? ValidateSecret(EventSinkRequest request, EventSinkDefinition? existing, ISecretProtector protector, List<ValidationError> errors)
    {
        switch (request.SecretAction)
        {
            case EventSinkSecretAction.Absent:
                return existing?.ProtectedSecret;
            case EventSinkSecretAction.Remove:
                return null;
            case EventSinkSecretAction.Keep:
                if (existing?.ProtectedSecret is null)
                {
                    errors.Add(new("secret", "true keeps the stored secret, but there is none: send the secret itself"));
                }

                return existing?.ProtectedSecret;
            default:
                var secret = request.Secret ?? string.Empty;
                if (secret.Length is < MinSecretLength or > MaxSecretLength || secret.Any(char.IsControl))
                {
                    errors.Add(new("secret", $"must be {MinSecretLength} to {MaxSecretLength} printable characters"));
                    return null;
                }

                return protector.Protect(secret);
        }
    }
}
