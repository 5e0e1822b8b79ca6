using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nightjar.Server.Health;

internal static class HealthEndpoints
{
    /// <summary>
    /// <c>/health/live</c>: 200 while the process serves HTTP, touching nothing else (a database outage must
    /// not make the orchestrator restart every node). <c>/health/ready</c>: 200 when every
    /// <see cref="IReadinessCheck"/> passes, else 503 problem details listing the failed checks.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.MapGroup("/health")
            .ExcludeFromDescription()
            .AllowAnonymous() // probes of orchestrators and load balancers carry no credentials
            .AddEndpointFilter(static async (context, next) =>
            {
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context);
            });

        health.MapGet("/live", static () => TypedResults.Ok(new LivenessResponse("live")));
        health.MapGet("/ready", GetReadinessAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<ReadinessResponse>, ProblemHttpResult>> GetReadinessAsync(
        ReadinessEvaluator evaluator,
        CancellationToken cancellationToken)
    {
        var report = await evaluator.EvaluateAsync(cancellationToken);
        if (report.IsReady)
        {
            return TypedResults.Ok(new ReadinessResponse("ready", report.Checks));
        }

        var failed = report.Failed.Select(c => c.Name).ToList();
        return TypedResults.Problem(
            title: "Not ready",
            detail: string.Create(CultureInfo.InvariantCulture,
                $"{failed.Count} of {report.Checks.Count} readiness checks failed: {string.Join(", ", failed)}."),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?>
            {
                ["failed"] = failed,
                ["checks"] = report.Checks,
            });
    }
}
