using Nightjar.Server.Api.Alarms;
using Nightjar.Server.Api.Cameras;
using Nightjar.Server.Api.Cluster;
using Nightjar.Server.Api.Keys;
using Nightjar.Server.Api.Locks;
using Nightjar.Server.Api.Node;
using Nightjar.Server.Retention;

namespace Nightjar.Server.Api;

internal static class ApiV1Endpoints
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// Maps the JSON API under <c>/api/v1</c>. Each area adds one line here and its own file with a
    /// <c>Map...Endpoints(this RouteGroupBuilder v1)</c> returning its group, where an authorization
    /// policy (<c>.RequireAuthorization("viewer")</c>) can later be attached per area or per route.
    /// </summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup(Prefix);
        v1.ProducesProblem(StatusCodes.Status500InternalServerError);
        v1.MapNodeEndpoints();
        v1.MapClusterEndpoints();
        v1.MapCameraEndpoints();
        v1.MapKeyEndpoints();
        v1.MapAlarmEndpoints();
        v1.MapLockEndpoints();
        v1.MapRetentionEndpoints();
        Events.EventEndpoints.MapEventEndpoints(v1); // /events, /events/stream and /event-sinks
        return v1;
    }
}
