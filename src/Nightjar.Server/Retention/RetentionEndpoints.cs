using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nightjar.Recording.Access;
using Nightjar.Server.Security;

namespace Nightjar.Server.Retention;

/// <summary><c>GET /api/v1/retention</c>: the node's retention report (configured versus actual depth, usage, deletions).</summary>
internal static class RetentionEndpoints
{
    public const string Pattern = "/retention";

    public static RouteGroupBuilder MapRetentionEndpoints(this RouteGroupBuilder v1)
    {
        // An empty-prefix group, as the other areas: its own tag, and a policy per area if one is ever needed.
        var retention = v1.MapGroup(string.Empty).WithTags("Retention");
        retention.MapGet(Pattern, GetReportAsync)
            .RequirePermission(Permissions.ViewCameras)
            .WithName("GetRetention")
            .WithSummary("Per storage root: used, limit, free, bytes deleted by reason, emergency deletions, last refusal. "
                + "Per camera: configured depth versus the oldest recording, protected bytes.")
            .WithDescription("Sizes are bytes, durations text as in a camera's dvr block (7d, 1d12h), times RFC 3339. "
                + "state is starting, running, degraded (retention could not start and retries; recording goes on, problem says why) "
                + "or stopped; roots and cameras are listed only while it is running.");
        return retention;
    }

    private static async Task<Ok<RetentionResponse>> GetReportAsync(
        [FromServices] RetentionHostedService retention,
        [FromServices] TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (retention.Service is not { } service)
        {
            return TypedResults.Ok(RetentionResponse.NotRunning(retention.State, retention.Problem, timeProvider.GetUtcNow()));
        }

        var report = await service.GetReportAsync(cancellationToken);
        return TypedResults.Ok(RetentionResponse.From(report));
    }
}
