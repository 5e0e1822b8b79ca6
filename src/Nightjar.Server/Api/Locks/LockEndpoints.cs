using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Protection;
using Nightjar.Recording.Validation;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Locks;

/// <summary>
/// <c>/api/v1/cameras/{id}/locks</c>: evidence locks. Placing and releasing need Protect (operators, admins); listing
/// needs ViewCameras. A lock is journaled before the answer, and the next retention pass honours it.
/// </summary>
internal static class LockEndpoints
{
    /// <summary>Largest accepted body: a 500-character reason (up to 4 bytes each, escaped) and three times.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    public static RouteGroupBuilder MapLockEndpoints(this RouteGroupBuilder v1)
    {
        var locks = v1.MapGroup(string.Empty).WithTags("Locks");
        locks.MapPost("/cameras/{id}/locks", AddAsync)
            .RequirePermission(Permissions.Protect)
            .WithName("AddEvidenceLock")
            .WithSummary("Protects [from, to) of a camera's recordings until 'until' (ISO-8601 UTC) or indefinitely.")
            .Accepts<LockRequest>("application/json")
            .Produces<LockResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        locks.MapGet("/cameras/{id}/locks", ListAsync)
            .RequirePermission(Permissions.ViewCameras)
            .WithName("ListEvidenceLocks")
            .WithSummary("A camera's unreleased locks, expired ones included (inForce false), ordered by start.")
            .Produces<LockResponse[]>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        locks.MapDelete("/cameras/{id}/locks/{lockId}", ReleaseAsync)
            .RequirePermission(Permissions.Protect)
            .WithName("ReleaseEvidenceLock")
            .WithSummary("Releases a lock before its expiry.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return locks;
    }

    private static async Task<IResult> AddAsync(
        string id,
        HttpContext context,
        [FromServices] EvidenceLocks locks,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var cameraId, out var invalid))
        {
            return invalid;
        }

        var body = await JsonRequestBody.ReadAsync(context.Request, MaxBodyBytes, optional: false, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var request = LockBodyParser.Parse(body.Bytes);
        if (request.Value is not { } valid)
        {
            return FieldProblems.BadRequest(request.Errors);
        }

        var result = await locks.AddAsync(cameraId, valid, CallerName(context.User), cancellationToken);
        return result.Status switch
        {
            LockCommandStatus.Ok => TypedResults.Created(
                $"{ApiV1Endpoints.Prefix}/cameras/{cameraId.Value}/locks/{result.Lock!.LockId}",
                LockResponse.Of(result.Lock, time.GetUtcNow())),
            LockCommandStatus.NotFound => CameraNotFound(cameraId),
            _ => FieldProblems.Unprocessable(result.Errors),
        };
    }

    private static async Task<IResult> ListAsync(
        string id,
        [FromServices] EvidenceLocks locks,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var cameraId, out var invalid))
        {
            return invalid;
        }

        var listed = await locks.ListAsync(cameraId, cancellationToken);
        if (listed is null)
        {
            return CameraNotFound(cameraId);
        }

        var now = time.GetUtcNow();
        return TypedResults.Ok(listed.Select(l => LockResponse.Of(l, now)).ToArray());
    }

    private static async Task<IResult> ReleaseAsync(
        string id,
        string lockId,
        HttpContext context,
        [FromServices] EvidenceLocks locks,
        CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var cameraId, out var invalid))
        {
            return invalid;
        }

        if (!LockIds.IsValid(lockId))
        {
            return FieldProblems.BadRequest([new ValidationError("lockId", "must be a lock id: 26 characters of Crockford base32 (0-9, A-Z without I, L, O, U)")]);
        }

        var result = await locks.ReleaseAsync(cameraId, lockId, CallerName(context.User), cancellationToken);
        return result.Status switch
        {
            LockCommandStatus.Ok => TypedResults.NoContent(),
            _ when result.Errors.Any(e => e.Field == "id") => CameraNotFound(cameraId),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Camera '{cameraId.Value}' has no lock '{lockId}'."),
        };
    }

    /// <summary>The API key's name (what <c>by</c> records); never the key.</summary>
    private static string CallerName(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Name) is { Length: > 0 } name ? name : user.FindFirstValue(NightjarClaims.KeyId) ?? "unknown";

    private static bool TryParseId(string text, out CameraId id, out IResult invalid)
    {
        if (CameraId.TryParse(text, out id, out var error))
        {
            invalid = null!;
            return true;
        }

        invalid = FieldProblems.BadRequest([new ValidationError("id", error)]);
        return false;
    }

    private static ProblemHttpResult CameraNotFound(CameraId id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no camera '{id.Value}'.");
}
