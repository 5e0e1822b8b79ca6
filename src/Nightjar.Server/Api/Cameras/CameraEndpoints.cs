using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Devices;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Validation;
using Nightjar.Server.Security;
using Nightjar.Server.Cluster.Routing;

namespace Nightjar.Server.Api.Cameras;

/// <summary>
/// <c>/api/v1/cameras</c>: the camera resource of DESIGN.md over <see cref="ICameraManager"/>. Bodies are read raw and
/// parsed strictly (<see cref="CameraRequestParser"/>); responses never hold a password. Any error changes nothing.
/// </summary>
internal static partial class CameraEndpoints
{
    public static RouteGroupBuilder MapCameraEndpoints(this RouteGroupBuilder v1)
    {
        // An empty-prefix group, as the node area does: a child pattern "" would give the route a trailing slash.
        var cameras = v1.MapGroup(string.Empty).WithTags("Cameras");

        cameras.MapGet("/cameras", List)
            .RequirePermission(Permissions.ViewCameras)
            .WithName("ListCameras")
            .WithSummary("Every camera, ordered by id; passwords are never returned.")
            .Produces<CameraResponse[]>();
        cameras.MapGet("/cameras/{id}", Get)
            .RequirePermission(Permissions.ViewCameras)
            .WithName("GetCamera")
            .WithSummary("One camera.")
            .Produces<CameraResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        cameras.MapPost("/cameras", CreateAsync)
            .RequirePermission(Permissions.ManageCameras)
            .WithName("CreateCamera")
            .WithSummary("Adds a camera and starts recording it.")
            .Accepts<CameraRequest>("application/json")
            .Produces<CameraResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        cameras.MapPut("/cameras/{id}", ReplaceAsync)
            .RequirePermission(Permissions.ManageCameras)
            .WithName("ReplaceCamera")
            .WithSummary("Replaces a camera's whole definition. A stream that names the same user without a password keeps the stored one.")
            .Accepts<CameraRequest>("application/json")
            .Produces<CameraResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        cameras.MapDelete("/cameras/{id}", RemoveAsync)
            .RequirePermission(Permissions.ManageCameras)
            .WithName("RemoveCamera")
            .WithSummary("Stops recording a camera and removes it; its archive stays until retention removes it.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        cameras.MapGet("/cameras/{id}/status", GetStatusAsync)
            .RequirePermission(Permissions.ViewCameras)
            .RoutedToCameraOwner("id", ForwardKinds.Api)              // ingest state lives in the owner's memory
            .WithName("GetCameraStatus")
            .WithSummary("Per stream: ingest state, measured bitrate, last segment time, restarts and the last error.")
            .Produces<CameraStatusResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapTokenEndpoint(cameras);
        return cameras;
    }

    private static Ok<CameraResponse[]> List([FromServices] ICameraManager cameras) =>
        TypedResults.Ok(cameras.Registry.Cameras.Select(CameraResponse.From).ToArray());

    private static IResult Get(string id, [FromServices] ICameraManager cameras)
    {
        if (!TryParseId(id, out var cameraId, out var invalid))
        {
            return invalid;
        }

        return cameras.Registry.Find(cameraId) is { } camera ? TypedResults.Ok(CameraResponse.From(camera)) : NotFound(cameraId);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, [FromServices] ICameraManager cameras, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadCameraRequestAsync(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var validated = CameraRequestValidator.ValidateCreate(request!);
        if (validated.Value is not { } camera)
        {
            return FieldProblems.Unprocessable(validated.Errors);
        }

        if (cameras.Registry.Contains(camera.Id))
        {
            return Duplicate(camera.Id);
        }

        var result = await cameras.AddAsync(camera, cancellationToken);
        return result.Status switch
        {
            CameraCommandStatus.Ok => TypedResults.Created(LocationOf(camera.Id), CameraResponse.From(result.Camera!)),
            CameraCommandStatus.Conflict => Duplicate(camera.Id),
            _ => CommandFailed(result),
        };
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, [FromServices] ICameraManager cameras, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var cameraId, out var invalid))
        {
            return invalid;
        }

        if (cameras.Registry.Find(cameraId) is not { } existing)
        {
            return NotFound(cameraId);
        }

        var (request, problem) = await ReadCameraRequestAsync(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // The stored definition lets a stream that repeats its user without a password keep the stored one.
        var validated = CameraRequestValidator.ValidateReplace(cameraId, request!, existing);
        if (validated.Value is not { } camera)
        {
            return FieldProblems.Unprocessable(validated.Errors);
        }

        var result = await cameras.ReplaceAsync(camera, cancellationToken);
        return result.Status switch
        {
            CameraCommandStatus.Ok => TypedResults.Ok(CameraResponse.From(result.Camera!)),
            CameraCommandStatus.NotFound => NotFound(cameraId),
            _ => CommandFailed(result),
        };
    }

    /// <summary>Reads and parses a camera body strictly: a transport problem (size, type, UTF-8) or a field problem, or the request.</summary>
    private static async Task<(CameraRequest? Request, IResult? Problem)> ReadCameraRequestAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(context.Request, CameraRequestParser.MaxBodyBytes, optional: false, cancellationToken);
        if (body.Problem is { } problem)
        {
            return (null, problem);
        }

        var request = CameraRequestParser.Parse(body.Bytes);
        return request.Value is null ? (null, FieldProblems.BadRequest(request.Errors)) : (request.Value, null);
    }

    private static async Task<IResult> RemoveAsync(string id, [FromServices] ICameraManager cameras, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var cameraId, out var invalid))
        {
            return invalid;
        }

        var result = await cameras.RemoveAsync(cameraId, cancellationToken);
        return result.Status switch
        {
            CameraCommandStatus.Ok => TypedResults.NoContent(),
            CameraCommandStatus.NotFound => NotFound(cameraId),
            _ => CommandFailed(result),
        };
    }

    private static async Task<IResult> GetStatusAsync(
        string id,
        [FromServices] ICameraManager cameras,
        [FromServices] IEventSourceStatusProvider? eventSources,
        CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var cameraId, out var invalid))
        {
            return invalid;
        }

        return await cameras.GetStatusAsync(cameraId, cancellationToken) is { } status
            ? TypedResults.Ok(CameraStatusResponse.From(status, eventSources?.Find(cameraId)))
            : NotFound(cameraId);
    }

    /// <summary>An id in the URL that cannot be a camera id is a 400 naming <c>id</c>, not a 404.</summary>
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

    private static string LocationOf(CameraId id) => $"{ApiV1Endpoints.Prefix}/cameras/{id.Value}";

    private static ProblemHttpResult NotFound(CameraId id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no camera '{id.Value}'.");

    private static IResult Duplicate(CameraId id) => FieldProblems.Conflict("id", $"a camera '{id.Value}' already exists");

    /// <summary>A status the manager's contract does not promise for this command; its reason is safe to show.</summary>
    private static ProblemHttpResult CommandFailed(CameraCommandResult result) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: result.Reason ?? "The camera command was not applied.");
}
