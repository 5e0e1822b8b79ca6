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
/// <c>POST /api/v1/cameras/{id}/alarms</c>: raises or ends an alarm on a camera (operators and admins, RaiseAlarms).
/// The alarm goes through the same signal pipeline as device events: journaled once per state change, and motion-like
/// types open and close the camera's motion window.
/// </summary>
internal static class AlarmEndpoints
{
    /// <summary>Largest accepted body: a type of 64 characters and a state need far less.</summary>
    public const int MaxBodyBytes = 1024;

    private static readonly string[] Fields = ["type", "state"];

    public static RouteGroupBuilder MapAlarmEndpoints(this RouteGroupBuilder v1)
    {
        var alarms = v1.MapGroup(string.Empty).WithTags("Alarms");
        alarms.MapPost("/cameras/{id}/alarms", RaiseAsync)
            .RequirePermission(Permissions.RaiseAlarms)
            .RoutedToCameraOwner("id", ForwardKinds.Alarm)            // one signal pipeline per camera: its owner's
            .WithName("RaiseCameraAlarm")
            .WithSummary("Raises (active), ends (inactive) or pulses (momentary) an alarm on a camera; motion-like types drive motion windows.")
            .Accepts<AlarmRequest>("application/json")
            .Produces<AlarmResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return alarms;
    }

    private static async Task<IResult> RaiseAsync(
        string id,
        HttpContext context,
        [FromServices] ICameraSignalSink sink,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!CameraId.TryParse(id, out var cameraId, out var idError))
        {
            return FieldProblems.BadRequest([new ValidationError("id", idError)]);
        }

        var body = await JsonRequestBody.ReadAsync(context.Request, MaxBodyBytes, optional: false, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var parsed = StrictJsonObject.Parse(body.Bytes, Fields);
        if (parsed.Value is not { } json)
        {
            return FieldProblems.BadRequest(parsed.Errors);
        }

        var errors = new List<ValidationError>();
        var type = json.GetString("type", errors);
        var stateText = json.GetString("state", errors);
        var state = AlarmState.Active;
        if (errors.Count == 0)
        {
            if (!AlarmFields.IsValidType(type))
            {
                errors.Add(type is null ? new("type", "is required") : AlarmFields.InvalidType("type"));
            }

            if (!AlarmFields.TryParseState(stateText, out state))
            {
                errors.Add(new("state", stateText is null ? "is required" : "must be 'active', 'inactive' or 'pulse'"));
            }
        }

        if (errors.Count > 0)
        {
            return FieldProblems.BadRequest(errors);
        }

        return await ReportAsync(sink, new CameraSignal(cameraId, SignalSources.Api, type!, state, time.GetUtcNow(), MotionTypes.IsMotion(type!)), cancellationToken);
    }

    /// <summary>Reports the signal and answers 202 with its outcome, or 404 when the camera does not exist.</summary>
    public static async Task<IResult> ReportAsync(ICameraSignalSink sink, CameraSignal signal, CancellationToken cancellationToken)
    {
        var outcome = await sink.ReportAsync(signal, cancellationToken);
        if (outcome == SignalOutcome.UnknownCamera)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no camera '{signal.CameraId.Value}'.");
        }

        return TypedResults.Json(
            new AlarmResponse(
                signal.CameraId.Value,
                signal.Type,
                AlarmFields.NameOf(signal.State),
                signal.At,
                signal.IsMotion,
                outcome == SignalOutcome.Recorded ? "recorded" : "duplicate"),
            statusCode: StatusCodes.Status202Accepted);
    }
}
