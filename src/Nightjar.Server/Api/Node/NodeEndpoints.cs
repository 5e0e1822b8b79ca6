using Microsoft.AspNetCore.Http.HttpResults;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Api.Node;

internal static class NodeEndpoints
{
    /// <summary>Maps <c>/api/v1/node</c>. Its own group, so it can get its own authorization policy later.</summary>
    public static RouteGroupBuilder MapNodeEndpoints(this RouteGroupBuilder v1)
    {
        var node = v1.MapGroup("/node").WithTags("Node");
        node.MapGet("", GetNode)
            .WithName("GetNode")
            .WithSummary("This node: id, version, uptime and roles.");
        return node;
    }

    private static Ok<NodeInfoResponse> GetNode(NodeInfo node) => TypedResults.Ok(NodeInfoResponse.From(node));
}
