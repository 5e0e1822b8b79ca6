using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Validation;
using Nightjar.Server.Configuration;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Cameras;

internal static partial class CameraEndpoints
{
    public const int DefaultTokenSeconds = 300;

    private const int MaxTokenBodyBytes = 4 * 1024;

    private const string LogCategory = "Nightjar.Server.Api.Cameras.PlaybackTokens";

    private static readonly string[] TokenFields = ["stream", "ttlSeconds", "permissions"];

    private static void MapTokenEndpoint(RouteGroupBuilder cameras) =>
        cameras.MapPost("/cameras/{id}/token", IssueTokenAsync)
            .RequirePermission(Permissions.PlayLive)
            .WithName("IssuePlaybackToken")
            .WithSummary("A short-lived signed token for HLS and RTSP players that cannot send headers (?token=).")
            .Accepts<PlaybackTokenRequest>("application/json")
            .Produces<PlaybackTokenResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> IssueTokenAsync(
        string id,
        HttpContext context,
        [FromServices] ICameraManager cameras,
        [FromServices] PlaybackTokenService tokens,
        [FromServices] IOptions<RtspOptions> rtsp,
        [FromServices] IOptions<NodeOptions> node,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var cameraId, out var invalid))
        {
            return invalid;
        }

        if (cameras.Registry.Find(cameraId) is not { } camera)
        {
            return NotFound(cameraId);
        }

        var body = await JsonRequestBody.ReadAsync(context.Request, MaxTokenBodyBytes, optional: true, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var parsed = body.Bytes!.Length == 0 ? ValidationResult.Success(StrictJsonObject.Empty) : StrictJsonObject.Parse(body.Bytes, TokenFields);
        if (parsed.Value is not { } json)
        {
            return FieldProblems.BadRequest(parsed.Errors);
        }

        var typeErrors = new List<ValidationError>();
        var stream = json.GetString("stream", typeErrors);
        var ttl = json.GetInt64("ttlSeconds", typeErrors);
        var names = json.GetStringArray("permissions", typeErrors);
        if (typeErrors.Count > 0)
        {
            return FieldProblems.BadRequest(typeErrors);
        }

        var held = NightjarClaims.GetPermissions(context.User) & Permissions.Playback;
        var errors = new List<ValidationError>();
        var lifetime = ValidateLifetime(ttl, errors);
        var scope = ValidateScope(camera, stream, errors);
        var requested = ParsePermissions(names, held, errors);
        if (errors.Count > 0)
        {
            return FieldProblems.Unprocessable(errors);
        }

        // A caller can hand out only what it holds: a viewer cannot mint an export token.
        var excess = requested & ~held;
        if (excess != Permissions.None)
        {
            return FieldProblems.Forbidden(
                "permissions",
                $"the caller does not hold {string.Join(", ", NightjarPolicies.Split(excess).Select(NightjarPolicies.NameOf))}");
        }

        var token = tokens.Issue(scope, requested, lifetime);
        var grant = tokens.Read(token).Grant!;
        var logger = loggers.CreateLogger(LogCategory);
        var issuer = context.User.FindFirst(NightjarClaims.KeyId)?.Value ?? "-";
        LogTokenIssued(logger, scope, requested, grant.ExpiresAt, issuer);
        var escaped = Uri.EscapeDataString(token);
        var urls = new PlaybackUrls(
            $"/{scope}/index.m3u8?{MediaRequestScope.TokenQueryName}={escaped}",
            string.Create(CultureInfo.InvariantCulture, $"rtsp://{RtspHost(context, node.Value)}:{rtsp.Value.Port}/{scope}?{MediaRequestScope.TokenQueryName}={escaped}"));
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new PlaybackTokenResponse(
            token,
            grant.ExpiresAt,
            scope,
            [.. NightjarPolicies.Split(requested).Select(NightjarPolicies.NameOf)],
            urls));
    }

    private static TimeSpan ValidateLifetime(long? ttlSeconds, List<ValidationError> errors)
    {
        var seconds = ttlSeconds ?? DefaultTokenSeconds;
        var max = (long)PlaybackTokenService.MaxLifetime.TotalSeconds;
        if (seconds < 1 || seconds > max)
        {
            errors.Add(new("ttlSeconds", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {max}")));
            return TimeSpan.FromSeconds(DefaultTokenSeconds);
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static string ValidateScope(CameraDefinition camera, string? stream, List<ValidationError> errors)
    {
        if (stream is null)
        {
            return camera.Id.Value;
        }

        if (camera.FindStream(stream) is null)
        {
            errors.Add(new("stream", $"is not a stream of camera '{camera.Id.Value}'"));
            return camera.Id.Value;
        }

        return camera.Id.Value + "/" + stream;
    }

    private static Permissions ParsePermissions(IReadOnlyList<string>? names, Permissions held, List<ValidationError> errors)
    {
        if (names is null)
        {
            return held;
        }

        var requested = Permissions.None;
        for (var i = 0; i < names.Count; i++)
        {
            if (NightjarPolicies.TryParse(names[i], out var permission) && (permission & Permissions.Playback) == permission)
            {
                requested |= permission;
            }
            else
            {
                errors.Add(new($"permissions[{i}]", "must be one of ViewCameras, PlayLive, PlayArchive, Export"));
            }
        }

        if (names.Count == 0)
        {
            errors.Add(new("permissions", "must name at least one permission"));
        }

        return requested;
    }

    /// <summary>The host players should use: the node's public URL when configured, else the host the caller used.</summary>
    private static string RtspHost(HttpContext context, NodeOptions node)
    {
        if (node.PublicUrl is not null && Uri.TryCreate(node.PublicUrl, UriKind.Absolute, out var publicUrl))
        {
            return publicUrl.Host; // IPv6 hosts come bracketed, as a URL needs them
        }

        var host = context.Request.Host;
        return host.HasValue ? host.Host : "localhost";
    }
}
