using Microsoft.AspNetCore.Mvc;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Signals;
using Nightjar.Recording.Validation;
using Nightjar.Server.Cluster.Routing;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Alarms;

/// <summary>
/// The CamTrace-compatible <c>GET|POST /api/v1.1/cameras/alarms/trigger?cameraId=..&amp;type=..</c>: a momentary alarm
/// (pulse) on a camera, for devices and scripts that can only call a URL. Needs RaiseAlarms; besides a Bearer key it
/// takes HTTP Basic auth whose password is an API key (see <see cref="TriggerBasicAuthentication"/>). Credentials in the
/// query string are refused: URLs end up in logs and proxies.
/// </summary>
internal static class TriggerEndpoints
{
    public const string Path = "/api/v1.1/cameras/alarms/trigger";

    /// <summary>Query names that would carry a secret: refused with a pointer to Basic or Bearer auth.</summary>
    private static readonly string[] CredentialNames = ["key", "apikey", "api_key", "token", "password", "access_token"];

    public static IEndpointConventionBuilder MapTriggerEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], TriggerAsync)
            .RequirePermission(Permissions.RaiseAlarms)
            .RoutedToCameraOwnerByQuery("cameraId", ForwardKinds.Alarm)
            .WithName("TriggerCameraAlarm")
            .WithTags("Alarms")
            .WithSummary("CamTrace-compatible momentary alarm: ?cameraId= (required) and ?type= (default 'motion'). Accepts Basic auth with an API key as password.")
            .Produces<AlarmResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> TriggerAsync(
        HttpContext context,
        [FromServices] ICameraSignalSink sink,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TryParse(context.Request.Query, out var cameraId, out var type, out var errors))
        {
            return FieldProblems.BadRequest(errors);
        }

        var signal = new CameraSignal(cameraId, SignalSources.Trigger, type, AlarmState.Pulse, time.GetUtcNow(), MotionTypes.IsMotion(type));
        return await AlarmEndpoints.ReportAsync(sink, signal, cancellationToken);
    }

    /// <summary>Reads <c>cameraId</c> and <c>type</c>; every problem is a field error, nothing throws.</summary>
    internal static bool TryParse(IQueryCollection query, out CameraId cameraId, out string type, out List<ValidationError> errors)
    {
        errors = [];
        cameraId = default;
        type = "motion";
        foreach (var name in CredentialNames)
        {
            if (query.ContainsKey(name))
            {
                errors.Add(new(name, "credentials are not accepted in the URL: send 'Authorization: Bearer <API key>' or Basic auth with the API key as password"));
            }
        }

        var camera = query["cameraId"];
        if (camera.Count == 0)
        {
            errors.Add(new("cameraId", "is required"));
        }
        else if (camera.Count > 1)
        {
            errors.Add(new("cameraId", "is given more than once"));
        }
        else if (!CameraId.TryParse(camera[0], out cameraId, out var idError))
        {
            errors.Add(new("cameraId", idError));
        }

        var types = query["type"];
        if (types.Count > 1)
        {
            errors.Add(new("type", "is given more than once"));
        }
        else if (types.Count == 1)
        {
            if (AlarmFields.IsValidType(types[0]))
            {
                type = types[0]!;
            }
            else
            {
                errors.Add(AlarmFields.InvalidType("type"));
            }
        }

        return errors.Count == 0;
    }
}
