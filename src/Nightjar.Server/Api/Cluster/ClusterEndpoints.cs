using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nightjar.Cluster.Coordination;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Cluster;
using Nightjar.Server.Configuration;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Cluster;

/// <summary>
/// <c>/api/v1/nodes</c> and <c>/api/v1/placement</c> (ViewCameras) and <c>POST /api/v1/nodes/{id}/drain</c>
/// (ManageSystem). Any node answers: the views are read from the shared database. A single node (embedded SQLite)
/// shows itself holding every camera and has nothing to drain to.
/// </summary>
internal static class ClusterEndpoints
{
    public static RouteGroupBuilder MapClusterEndpoints(this RouteGroupBuilder v1)
    {
        var cluster = v1.MapGroup(string.Empty).WithTags("Cluster");
        cluster.MapGet("/nodes", ListNodesAsync)
            .RequirePermission(Permissions.ViewCameras)
            .WithName("ListNodes")
            .WithSummary("The site's nodes: status, capacity, load by dimension and cameras (dead ones for an hour).")
            .Produces<NodeResponse[]>();
        cluster.MapGet("/placement", GetPlacementAsync)
            .RequirePermission(Permissions.ViewCameras)
            .WithName("GetPlacement")
            .WithSummary("Which node records which camera, pending moves, imbalance and cameras that fit nowhere.")
            .Produces<PlacementResponse>();
        cluster.MapPost("/nodes/{id}/drain", DrainAsync)
            .RequirePermission(Permissions.ManageSystem)
            .WithName("DrainNode")
            .WithSummary("Moves every camera off a node (it stays up, receiving nothing new) before it is taken down.")
            .Produces<DrainResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return cluster;
    }

    private static async Task<Ok<NodeResponse[]>> ListNodesAsync(
        [FromServices] IServiceProvider services,
        [FromServices] ICameraManager cameras,
        CancellationToken cancellationToken)
    {
        if (services.GetService<ClusterRuntime>() is not { } cluster)
        {
            return TypedResults.Ok(new[] { SingleNode(services, cameras) });
        }

        var nodes = await cluster.Views.ReadNodesAsync(cancellationToken);
        return TypedResults.Ok(nodes.Select(NodeResponse.From).ToArray());
    }

    private static async Task<Ok<PlacementResponse>> GetPlacementAsync(
        [FromServices] IServiceProvider services,
        [FromServices] ICameraManager cameras,
        CancellationToken cancellationToken)
    {
        var registered = PlacementCameras.From(cameras.Registry).Select(c => c.Id).ToList();
        if (services.GetService<ClusterRuntime>() is not { } cluster)
        {
            var local = services.GetRequiredService<IClusterDirectory>().LocalNodeId;
            return TypedResults.Ok(new PlacementResponse(
                null,
                local,
                0,
                [],
                [],
                [.. registered.Order(StringComparer.Ordinal).Select(c => new AssignmentResponse(c, local, 0, "active", null, null, null))]));
        }

        var nodes = await cluster.Views.ReadNodesAsync(cancellationToken);
        var assignments = await cluster.Views.ReadAssignmentsAsync(cancellationToken);
        var coordinator = services.GetService<ClusterAgentService>()?.Coordinator;
        var plan = coordinator is { IsLeader: true } ? coordinator.LastPlan : null;
        var active = nodes.Where(n => string.Equals(n.Status, "active", StringComparison.Ordinal)).Select(n => n.Utilization).ToList();
        var owned = assignments.Where(a => a.NodeId is not null).Select(a => a.CameraId).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new PlacementResponse(
            plan is not null ? coordinator!.Term : null,
            nodes.FirstOrDefault(n => n.IsCoordinator)?.NodeId,
            active.Count > 1 ? active.Max() - active.Min() : 0,
            [.. registered.Where(c => !owned.Contains(c)).Order(StringComparer.Ordinal)],
            plan?.Stranded ?? [],
            [.. assignments.OrderBy(a => a.CameraId, StringComparer.Ordinal)
                .Select(a => new AssignmentResponse(a.CameraId, a.NodeId, a.Epoch, a.State, a.TargetNode, a.MovedAt, a.Reason))]));
    }

    private static async Task<Results<Accepted<DrainResponse>, ProblemHttpResult>> DrainAsync(
        string id,
        [FromServices] IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (services.GetService<ClusterRuntime>() is not { } cluster)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                detail: "This node is not in a cluster (embedded SQLite): there is no other node to move its cameras to.");
        }

        var result = await cluster.Views.RequestDrainAsync(id, cancellationToken);
        var node = (await cluster.Views.ReadNodesAsync(cancellationToken))
            .FirstOrDefault(n => string.Equals(n.NodeId, id, StringComparison.Ordinal) && !string.Equals(n.Status, "dead", StringComparison.Ordinal));
        return result switch
        {
            DrainRequestResult.Accepted or DrainRequestResult.AlreadyLeaving when node is not null =>
                TypedResults.Accepted($"/api/v1/nodes", new DrainResponse(node.NodeId, node.Status, node.Cameras.Count)),
            DrainRequestResult.AlreadyLeaving or DrainRequestResult.Accepted => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                detail: $"Node '{id}' has already left the cluster."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no live node '{id}'."),
        };
    }

    private static NodeResponse SingleNode(IServiceProvider services, ICameraManager cameras)
    {
        var settings = services.GetRequiredService<IOptions<NodeOptions>>().Value;
        var http = services.GetRequiredService<IOptions<HttpOptions>>().Value;
        var rtsp = services.GetRequiredService<IOptions<RtspOptions>>().Value;
        var capacity = ClusterRuntime.CapacityOf(settings.Capacity);
        var mine = PlacementCameras.From(cameras.Registry);
        var usage = new Nightjar.Cluster.Placement.ResourceUsage(mine.Sum(c => c.BitrateMbps), mine.Count, mine.Sum(c => c.StorageNeedBytes));
        return new NodeResponse(
            settings.Id,
            0,
            "active",
            settings.GetPublicUrl(http),
            settings.GetRtspUrl(rtsp),
            settings.Labels,
            new NodeCapacityResponse(capacity.IngestMbps, capacity.Cameras, capacity.StorageBytes),
            new NodeLoadResponse(usage.IngestMbps, usage.Cameras, usage.StorageBytes, capacity.UtilizationOf(usage)),
            [.. mine.Select(c => c.Id).Order(StringComparer.Ordinal)],
            true,
            null,
            null,
            null);
    }
}
