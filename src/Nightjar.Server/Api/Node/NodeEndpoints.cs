using Microsoft.AspNetCore.Http.HttpResults;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Api.Node;

internal static class NodeEndpoints
{
    /// <summary>Maps <c>/api/v1/node</c>. Its own group, so the area can get its own authorization policy later.</summary>
    public static RouteGroupBuilder MapNodeEndpoints(this RouteGroupBuilder v1)
    {
        // An empty-prefix group: a child pattern "" would make the route "/api/v1/node/" in metrics and traces.
        var node = v1.MapGroup(string.Empty).WithTags("Node");
        node.MapGet("/node", GetNode)
            .WithName("GetNode")
            .WithSummary("This node: id, version, uptime and roles.");
        return node;
    }

    private static Ok<NodeInfoResponse> GetNode(NodeInfo node) => TypedResults.Ok(NodeInfoResponse.From(node));
}
