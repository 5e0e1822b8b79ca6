using Nightjar.Recording.Events;

namespace Nightjar.Recording.Access;

/// <summary>
/// The first admin key of a fresh installation (DESIGN.md: <c>NIGHTJAR__AUTH__BOOTSTRAPADMINKEY</c>): when no key
/// exists yet, the configured key becomes an admin key, or a new one is generated for the host to print once.
/// </summary>
public static class ApiKeyBootstrap
{
    /// <summary>The name the bootstrap key is listed under.</summary>
    public const string KeyName = "bootstrap admin";

    public static ApiKeyBootstrapResult Run(ApiKeyRegistry registry, string? configuredKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!registry.IsEmpty)
        {
            return new(ApiKeyBootstrapStatus.NotNeeded, null, null, null);
        }

        if (string.IsNullOrEmpty(configuredKey))
        {
            var (id, key) = ApiKeys.Generate();
            return new(ApiKeyBootstrapStatus.Generated, new ApiKeyCreated(id, KeyName, Role.Admin, ApiKeys.Hash(key), now), key, null);
        }

        if (!ApiKeys.TryGetId(configuredKey, out var configuredId))
        {
            return new(
                ApiKeyBootstrapStatus.InvalidConfiguredKey,
                null,
                null,
                $"The bootstrap admin key must be {ApiKeys.MinOtherKeyLength} to {ApiKeys.MaxKeyLength} printable ASCII characters without spaces.");
        }

        return new(
            ApiKeyBootstrapStatus.FromConfiguration,
            new ApiKeyCreated(configuredId, KeyName, Role.Admin, ApiKeys.Hash(configuredKey), now),
            null,
            null);
    }
}
