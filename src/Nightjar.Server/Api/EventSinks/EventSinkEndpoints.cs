using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nightjar.Actors.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.EventSinks;
using Nightjar.Recording.Validation;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.EventSinks;

/// <summary>
/// <c>/api/v1/event-sinks</c>: webhook targets that receive every published event (or a filtered part) as signed JSON
/// batches, in order, at least once (Flussonic's <c>event_sink</c>). Admins only (ManageSystem). Secrets (URL
/// password, header values, signing secret) are stored encrypted and never returned. Any error changes nothing.
/// </summary>
internal static class EventSinkEndpoints
{
    public static RouteGroupBuilder MapEventSinkEndpoints(this RouteGroupBuilder v1)
    {
        var sinks = v1.MapGroup(string.Empty).WithTags("Event sinks").RequirePermission(Permissions.ManageSystem);

        sinks.MapPost("/event-sinks", CreateAsync)
            .WithName("CreateEventSink")
            .WithSummary("Adds an event sink; delivery starts at once (from now, or from the first event with \"from\": \"start\").")
            .Accepts<EventSinkRequestDocument>("application/json")
            .Produces<EventSinkResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        sinks.MapGet("/event-sinks", List)
            .WithName("ListEventSinks")
            .WithSummary("Every event sink with its delivery state and lag.")
            .Produces<EventSinkResponse[]>();
        sinks.MapGet("/event-sinks/{id}", Get)
            .WithName("GetEventSink")
            .WithSummary("One event sink with its delivery state and lag.")
            .Produces<EventSinkResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        sinks.MapPut("/event-sinks/{id}", ReplaceAsync)
            .WithName("ReplaceEventSink")
            .WithSummary("Replaces a sink; '***' header values, \"secret\": true and the URL as shown keep the stored secrets. \"from\" resets the position.")
            .Accepts<EventSinkRequestDocument>("application/json")
            .Produces<EventSinkResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        sinks.MapDelete("/event-sinks/{id}", DeleteAsync)
            .WithName("DeleteEventSink")
            .WithSummary("Deletes a sink; delivery stops.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return sinks;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, [FromServices] EventSinkStore store, [FromServices] EventSinkSupervisor supervisor, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadAsync(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var change = await ChangeAsync(() => store.CreateAsync(request!, cancellationToken));
        if (change.Result is { } failed)
        {
            return failed;
        }

        await supervisor.ReconcileAsync();
        var view = supervisor.Find(change.Sink!.Id)!;
        return TypedResults.Created($"{ApiV1Endpoints.Prefix}/event-sinks/{view.Sink.Id}", EventSinkResponse.From(view));
    }

    private static Ok<EventSinkResponse[]> List([FromServices] EventSinkSupervisor supervisor) =>
        TypedResults.Ok(supervisor.Views().Select(EventSinkResponse.From).ToArray());

    private static IResult Get(string id, [FromServices] EventSinkSupervisor supervisor)
    {
        if (!IsSinkId(id))
        {
            return InvalidId();
        }

        return supervisor.Find(id) is { } view ? TypedResults.Ok(EventSinkResponse.From(view)) : NotFound(id);
    }

    private static async Task<IResult> ReplaceAsync(
        string id, HttpContext context, [FromServices] EventSinkStore store, [FromServices] EventSinkSupervisor supervisor, CancellationToken cancellationToken)
    {
        if (!IsSinkId(id))
        {
            return InvalidId();
        }

        if (store.Current.Find(id) is null)
        {
            return NotFound(id);
        }

        var (request, problem) = await ReadAsync(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var change = await ChangeAsync(() => store.ReplaceAsync(id, request!, cancellationToken));
        if (change.Result is { } failed)
        {
            return change.Status == EventSinkChangeStatus.NotFound ? NotFound(id) : failed;
        }

        await supervisor.ReconcileAsync();
        return supervisor.Find(id) is { } view ? TypedResults.Ok(EventSinkResponse.From(view)) : NotFound(id);
    }

    private static async Task<IResult> DeleteAsync(
        string id, [FromServices] EventSinkStore store, [FromServices] EventSinkSupervisor supervisor, CancellationToken cancellationToken)
    {
        if (!IsSinkId(id))
        {
            return InvalidId();
        }

        var change = await ChangeAsync(() => store.DeleteAsync(id, cancellationToken));
        if (change.Result is { } failed)
        {
            return change.Status == EventSinkChangeStatus.NotFound ? NotFound(id) : failed;
        }

        await supervisor.ReconcileAsync();
        return TypedResults.NoContent();
    }

    private static async Task<(EventSinkRequest? Request, IResult? Problem)> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync(context.Request, EventSinkRequestParser.MaxBodyBytes, optional: false, cancellationToken);
        if (body.Problem is { } problem)
        {
            return (null, problem);
        }

        var parsed = EventSinkRequestParser.Parse(body.Bytes);
        return parsed.Value is null ? (null, FieldProblems.BadRequest(parsed.Errors)) : (parsed.Value, null);
    }

    /// <summary>Runs a store change; a failure becomes its answer (422, 404, or 409 when other writers kept winning).</summary>
    private static async Task<(RegisteredSink? Sink, EventSinkChangeStatus Status, IResult? Result)> ChangeAsync(Func<Task<EventSinkChange>> change)
    {
        EventSinkChange result;
        try
        {
            result = await change();
        }
        catch (ConcurrencyConflictException)
        {
            return (null, EventSinkChangeStatus.Invalid, TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, detail: "The event sinks were changed concurrently; retry the request."));
        }

        return result.Status switch
        {
            EventSinkChangeStatus.Ok => (result.Sink, result.Status, null),
            EventSinkChangeStatus.NotFound => (null, result.Status, TypedResults.NotFound()),
            _ => (null, result.Status, FieldProblems.Unprocessable(result.Errors)),
        };
    }

    /// <summary>Sink ids are 16 lowercase hex characters; anything else cannot be one.</summary>
    private static bool IsSinkId(string id) =>
        id.Length == 16 && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static IResult InvalidId() =>
        FieldProblems.BadRequest([new ValidationError("id", "must be an event sink id: 16 lowercase hexadecimal characters")]);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no event sink '{id}'.");
}
