using System.Collections.Immutable;
using System.Globalization;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Cameras.Api;

public static partial class CameraRequestValidator
{
    private static ImmutableArray<StreamDefinition> ValidateStreams(
        IReadOnlyList<StreamRequest?>? streams,
        CameraDefinition? existing,
        List<ValidationError> errors)
    {
        if (streams is null || streams.Count == 0)
        {
            errors.Add(new("streams", "must have at least one stream"));
            return [];
        }

        if (streams.Count > MaxStreams)
        {
            errors.Add(new("streams", string.Create(CultureInfo.InvariantCulture, $"must have at most {MaxStreams} streams")));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<StreamDefinition>(streams.Count);
        var seen = new Dictionary<string, int>(StreamNames.Comparer);
        for (var i = 0; i < streams.Count; i++)
        {
            var field = JsonFieldPath.Item("streams", i);
            if (streams[i] is not { } stream)
            {
                errors.Add(new(field, "must be an object"));
                continue;
            }

            var before = errors.Count;
            if (!StreamNames.IsValid(stream.Name))
            {
                errors.Add(new(field + ".name", stream.Name is null
                    ? "is required"
                    : string.Create(CultureInfo.InvariantCulture, $"must be 1 to {StreamNames.MaxLength} characters of a-z, 0-9, '_' and '-'")));
            }
            else if (!seen.TryAdd(stream.Name, i))
            {
                errors.Add(new(field + ".name", "repeats the name of " + JsonFieldPath.Item("streams", seen[stream.Name]) + "; stream names must be unique"));
            }

            if (stream.ExpectedBitrateKbps is < StreamDefinition.MinBitrateKbps or > StreamDefinition.MaxBitrateKbps)
            {
                errors.Add(new(field + ".expectedBitrateKbps", string.Create(
                    CultureInfo.InvariantCulture,
                    $"must be from {StreamDefinition.MinBitrateKbps} to {StreamDefinition.MaxBitrateKbps}")));
            }

            var url = ValidateSourceUrl(field, stream.Url, SourceUrl.StreamSchemes, errors);
            var stored = stream.Name is null ? null : existing?.FindStream(stream.Name)?.Credentials;
            var credentials = url is null ? null : ResolveCredentials(field, url, stream.Username, stream.Password, stored, errors);
            if (errors.Count == before && url is not null)
            {
                result.Add(new StreamDefinition(stream.Name!, url.Url, credentials, stream.ExpectedBitrateKbps, stream.Record ?? true));
            }
        }

        return result.ToImmutable();
    }

    private static ParsedSourceUrl? ValidateSourceUrl(string field, string? url, IReadOnlyList<string> schemes, List<ValidationError> errors)
    {
        if (SourceUrl.TryParse(url, schemes, out var parsed, out var error))
        {
            return parsed;
        }

        errors.Add(new(field + ".url", error));
        return null;
    }

    /// <summary>
    /// Credentials from the URL or from the username/password fields (never both). A user without a password keeps
    /// <paramref name="stored"/> when it names the same user: that is how a write-only password survives a PUT.
    /// </summary>
    private static Credentials? ResolveCredentials(
        string field,
        ParsedSourceUrl url,
        string? username,
        string? password,
        Credentials? stored,
        List<ValidationError> errors)
    {
        if (url.Username is not null && (username is not null || password is not null))
        {
            errors.Add(new(field + ".url", "holds credentials while username/password are given too; give them in one place"));
            return null;
        }

        if (url.Username is null)
        {
            if (username is null)
            {
                if (password is not null)
                {
                    errors.Add(new(field + ".password", "needs a username"));
                }

                return null;
            }

            if (username.Length == 0)
            {
                errors.Add(new(field + ".username", "must not be empty (leave it out for a source without login)"));
                return null;
            }

            if (!SourceUrl.TryCheckCredentialPart(username, Credentials.MaxUsernameLength, "user name", out var error))
            {
                errors.Add(new(field + ".username", string.Create(CultureInfo.InvariantCulture, $"must be at most {Credentials.MaxUsernameLength} characters without control characters")));
                return null;
            }

            if (!SourceUrl.TryCheckCredentialPart(password, Credentials.MaxPasswordLength, "password", out error))
            {
                errors.Add(new(field + ".password", string.Create(CultureInfo.InvariantCulture, $"must be at most {Credentials.MaxPasswordLength} characters without control characters")));
                return null;
            }
        }

        var user = url.Username ?? username!;
        var secret = url.Username is not null ? url.Password : password;
        if (secret is null)
        {
            return stored is not null && string.Equals(stored.Username, user, StringComparison.Ordinal)
                ? stored
                : new Credentials(user, string.Empty);
        }

        return new Credentials(user, secret);
    }
}
