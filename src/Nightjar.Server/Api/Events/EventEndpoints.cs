using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.EventFeed;
using Nightjar.Server.Api.EventSinks;
using Nightjar.Server.EventSinks;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Events;

/// <summary>
/// <c>/api/v1/events</c>: the published events as paged history and as a live server-sent event stream, both read
/// from the journal and filtered alike (<c>types</c>, <c>camera</c>). Viewers and up (ViewCameras).
/// </summary>
internal static class EventEndpoints
{
    /// <summary>Maps the event history and stream, and the event sinks (<see cref="EventSinkEndpoints"/>) beside them.</summary>
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapEventSinkEndpoints();
        var events = v1.MapGroup(string.Empty).WithTags("Events").RequirePermission(Permissions.ViewCameras);

        events.MapGet("/events", ReadPageAsync)
            .WithName("ListEvents")
            .WithSummary("A page of events after 'after' (default: the first), filtered by comma-separated 'types' and 'camera'; 'next' continues.")
            .Produces<EventPageResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        events.MapGet("/events/stream", StreamAsync)
            .WithName("StreamEvents")
            .WithSummary("Server-sent events (text/event-stream), live after 'after' or Last-Event-ID, with ': ping' heartbeats.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);
        return events;
    }

    private static async Task<IResult> ReadPageAsync(
        HttpRequest request,
        [FromServices] IEventJournal journal,
        [FromServices] EventsMetrics metrics,
        [FromServices] IOptions<EventsOptions> options,
        CancellationToken cancellationToken)
    {
        if (!EventQuery.TryParse(request, useLastEventId: false, out var query, out var problem))
        {
            return problem;
        }

        var page = await EventHistory.ReadPageAsync(journal, query.After, query.Filter, query.Limit, options.Value.ScanBudget, cancellationToken);
        foreach (var feedEvent in page.Events)
        {
            metrics.Published(feedEvent.Type, "history");
        }

        return TypedResults.Ok(new EventPageResponse(page.Events, page.Next.ToString()));
    }

    private static bool AcceptsEventStream(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a =>
            a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase)
            || a.MediaType.Equals("text/*", StringComparison.OrdinalIgnoreCase)
            || a.MediaType.Equals("*/*", StringComparison.Ordinal));

    private static async Task StreamAsync(
        HttpContext context,
        [FromServices] EventStream stream,
        [FromServices] IOptions<EventsOptions> options,
        [FromServices] IHostApplicationLifetime lifetime)
    {
        if (!EventQuery.TryParse(context.Request, useLastEventId: true, out var query, out var problem))
        {
            await problem.ExecuteAsync(context);
            return;
        }

        if (!AcceptsEventStream(context.Request))
        {
            // A stream never ends: a client that did not ask for one (no Accept, or another type) would wait forever
            // for the "whole" body. EventSource sends text/event-stream, curl and fetch send */*.
            await TypedResults.Problem(
                statusCode: StatusCodes.Status406NotAcceptable,
                detail: "This is a server-sent event stream that never ends: send 'Accept: text/event-stream'.").ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass each event through at once
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // The client leaving and the node stopping both end the stream (a graceful stop must not wait for clients).
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var settings = options.Value;
        var overflowed = await stream.RunAsync(response.BodyWriter, query, settings.Heartbeat, settings.StreamBufferEvents, ended.Token);
        if (overflowed)
        {
            context.Abort();
        }
    }
}
