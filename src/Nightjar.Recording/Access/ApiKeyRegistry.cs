using System.Collections.Immutable;
using System.Globalization;
using Nightjar.Recording.Events;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Access;

/// <summary>
/// All API keys as an immutable snapshot, built by applying <see cref="ApiKeyCreated"/> and
/// <see cref="ApiKeyRevoked"/> in journal order; <see cref="Version"/> grows by one with every change.
/// <see cref="PrepareCreate"/> and <see cref="PrepareRevoke"/> decide commands without changing anything: the
/// caller persists the event, then applies it.
/// </summary>
public sealed class ApiKeyRegistry
{
    public const int MaxNameLength = 100;

    private readonly ImmutableDictionary<string, ApiKeyRecord> _keys;

    private ApiKeyRegistry(ImmutableDictionary<string, ApiKeyRecord> keys, long version)
    {
        _keys = keys;
        Version = version;
    }

    public static ApiKeyRegistry Empty { get; } = new(ImmutableDictionary.Create<string, ApiKeyRecord>(StringComparer.Ordinal), 0);

    public long Version { get; }

    /// <summary>True when no key was ever created (revoked ones count): the condition for the bootstrap key.</summary>
    public bool IsEmpty => _keys.IsEmpty;

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public IEnumerable<ApiKeyRecord> Keys => _keys.Values.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal);

    public ApiKeyRecord? Find(string id) => _keys.GetValueOrDefault(id);

    /// <summary>
    /// The active key a bearer value belongs to, or null (unknown, wrong secret, revoked, or not a key at all).
    /// Finding the record is a dictionary lookup by the key's id; the secret comparison is constant-time.
    /// </summary>
    public ApiKeyRecord? Verify(string? presentedKey)
    {
        if (!ApiKeys.TryGetId(presentedKey, out var id) || !_keys.TryGetValue(id, out var record))
        {
            return null;
        }

        return ApiKeys.Matches(presentedKey, record.SecretHash) && !record.IsRevoked ? record : null;
    }

    /// <summary>
    /// The registry after <paramref name="event"/>. Total and idempotent: a second create of a known id and a
    /// revoke of an unknown or revoked key change nothing; other events return the same instance.
    /// </summary>
    public ApiKeyRegistry Apply(IRecordingEvent @event) => @event switch
    {
        ApiKeyCreated created when !_keys.ContainsKey(created.Id) =>
            new(_keys.Add(created.Id, ApiKeyRecord.From(created)), Version + 1),
        ApiKeyRevoked revoked when _keys.TryGetValue(revoked.Id, out var key) && !key.IsRevoked =>
            new(_keys.SetItem(key.Id, key with { RevokedAt = revoked.RevokedAt }), Version + 1),
        _ => this,
    };

    public ApiKeyRegistry ApplyAll(IEnumerable<IRecordingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(this, (registry, e) => registry.Apply(e));
    }

    /// <summary>Decides <c>POST /api/v1/keys {"name": ..., "role": ...}</c>: a fresh key, or field errors.</summary>
    public ValidationResult<NewApiKey> PrepareCreate(string? name, string? role, DateTimeOffset now)
    {
        var errors = new List<ValidationError>();
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new("name", "is required"));
        }
        else if (trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
        {
            errors.Add(new("name", string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxNameLength} characters without control characters")));
        }

        if (!Roles.TryParse(role, out var parsedRole))
        {
            errors.Add(new("role", role is null ? "is required" : "must be one of: " + string.Join(", ", Roles.Names)));
        }

        if (errors.Count > 0)
        {
            return ValidationResult.Failure<NewApiKey>(errors);
        }

        var (id, key) = ApiKeys.Generate(_keys.ContainsKey);
        return ValidationResult.Success(new NewApiKey(new ApiKeyCreated(id, trimmed!, parsedRole, ApiKeys.Hash(key), now), key));
    }

    /// <summary>
    /// Decides a revoke. Fails for an unknown id (answer 404: check <see cref="Find"/> first), a key already revoked,
    /// and the last active admin key, which would lock every administrator out.
    /// </summary>
    public ValidationResult<ApiKeyRevoked> PrepareRevoke(string id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_keys.TryGetValue(id, out var key))
        {
            return ValidationResult.Failure<ApiKeyRevoked>("id", "is not a known key");
        }

        if (key.IsRevoked)
        {
            return ValidationResult.Failure<ApiKeyRevoked>("id", "is already revoked");
        }

        if (key.Role == Role.Admin && !_keys.Values.Any(k => k.Role == Role.Admin && !k.IsRevoked && k.Id != key.Id))
        {
            return ValidationResult.Failure<ApiKeyRevoked>("id", "is the last active admin key; create another admin key first");
        }

        return ValidationResult.Success(new ApiKeyRevoked(id, now));
    }
}
