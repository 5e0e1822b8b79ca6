using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Cameras.Api;

public static partial class CameraRequestValidator
{
    private static DvrPolicy? ValidateDvr(DvrPolicyRequest? dvr, List<ValidationError> errors)
    {
        if (dvr is null)
        {
            return DvrPolicy.Default;
        }

        var before = errors.Count;
        var depth = DepthLimit.Unlimited;
        if (dvr.Depth is not null && !DepthLimit.TryParse(dvr.Depth, out depth, out var error))
        {
            errors.Add(new("dvr.depth", error));
        }

        DepthLimit? motionDepth = null;
        if (dvr.MotionDepth is not null)
        {
            if (DepthLimit.TryParse(dvr.MotionDepth, out var parsed, out error))
            {
                motionDepth = parsed;
            }
            else
            {
                errors.Add(new("dvr.motionDepth", error));
            }
        }

        ByteSize? space = null;
        if (dvr.Space is not null)
        {
            if (!ByteSize.TryParse(dvr.Space, out var parsed, out error))
            {
                errors.Add(new("dvr.space", error));
            }
            else if (parsed.Bytes <= 0)
            {
                errors.Add(new("dvr.space", "must be greater than zero (leave it out for no per-camera cap)"));
            }
            else
            {
                space = parsed;
            }
        }

        if (!TryDuration(dvr.PreAlarm, DvrPolicy.DefaultPreAlarm, "dvr.preAlarm", errors, out var preAlarm)
            | !TryDuration(dvr.PostAlarm, DvrPolicy.DefaultPostAlarm, "dvr.postAlarm", errors, out var postAlarm))
        {
            return null;
        }

        var policy = new DvrPolicy(depth, motionDepth, space, preAlarm, postAlarm);
        errors.AddRange(policy.Validate());
        return errors.Count == before ? policy : null;
    }

    private static bool TryDuration(string? text, TimeSpan fallback, string field, List<ValidationError> errors, out TimeSpan value)
    {
        value = fallback;
        if (text is null)
        {
            return true;
        }

        if (DurationText.TryParse(text, out value, out var error))
        {
            return true;
        }

        errors.Add(new(field, error));
        return false;
    }

    private static EventSourceDefinition? ValidateEvents(EventSourceRequest? events, EventSourceDefinition? existing, List<ValidationError> errors)
    {
        if (events is null)
        {
            return null;
        }

        var before = errors.Count;
        if (!TryKind(events.Kind, out var kind, out var kindError))
        {
            errors.Add(new("events.kind", kindError));
        }

        if (events.Channel is < 1 or > EventSourceDefinition.MaxChannel)
        {
            errors.Add(new("events.channel", string.Create(CultureInfo.InvariantCulture, $"must be from 1 to {EventSourceDefinition.MaxChannel}")));
        }

        var url = ValidateSourceUrl("events", events.Url, SourceUrl.EventSchemes, errors);
        var credentials = url is null ? null : ResolveCredentials("events", url, events.Username, events.Password, existing?.Credentials, errors);
        if (events.AcceptSelfSignedCertificate == true && url is not null && !url.Url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("events.acceptSelfSignedCertificate", "applies to https:// URLs only"));
        }

        return errors.Count == before && url is not null && kind is not null
            ? new EventSourceDefinition(
                kind,
                url.Url,
                credentials,
                events.Channel ?? 1,
                events.AcceptSelfSignedCertificate ?? false,
                events.KeepImages ?? false,
                events.ReportHeartbeats ?? false)
            : null;
    }

    private static bool TryKind(string? kind, [NotNullWhen(true)] out string? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (kind is null)
        {
            error = "is required";
            return false;
        }

        if (!EventSourceKinds.Supported.Contains(kind))
        {
            error = "must be one of: " + string.Join(", ", EventSourceKinds.Supported.Order(StringComparer.Ordinal));
            return false;
        }

        result = kind;
        error = null;
        return true;
    }
}
