using Nightjar.Server.Api;
using Nightjar.Server.Api.Alarms;
using Nightjar.Server.Health;
using Nightjar.Server.Http;
using Nightjar.Server.Playback;
using Nightjar.Server.Telemetry;

namespace Nightjar.Server.Hosting;

/// <summary>The middleware order and the endpoint areas: a new area adds one Map line here and its own file.</summary>
internal static class NightjarPipeline
{
    public static WebApplication UseNightjarPipeline(this WebApplication app)
    {
        app.UseHttpActivityEnrichment();                     // outermost: sees the final status code
        app.UseExceptionHandler();                           // exceptions → problem details (ProblemExceptionHandler)
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync); // body-less 4xx/5xx (404, 405) → problem details
        app.UseRouting();
        app.UseMediaCors();                                  // before auth: a browser player must be able to read a 401
        app.UseTriggerBasicAuthentication();                 // the CamTrace trigger only: Basic (API key as password) → Bearer
        app.UseAuthentication();                             // API key (Bearer) or playback token (?token= on media GETs)
        app.UseAuthorization();                              // permission policies; fallback: authenticated (Security/NightjarPolicies)
        return app;
    }

    public static WebApplication MapNightjarEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapOpenApi().AllowAnonymous();                   // /openapi/v1.json: the API's shape, no data
        app.MapApiV1();
        app.MapTriggerEndpoints();                           // /api/v1.1/cameras/alarms/trigger (CamTrace-compatible)
        app.MapPlaybackEndpoints();                          // /{camera}/... media URLs, /api/v1/cameras/{id}/recordings
        return app;
    }
}
