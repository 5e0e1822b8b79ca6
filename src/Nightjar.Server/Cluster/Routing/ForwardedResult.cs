namespace Nightjar.Server.Cluster.Routing;

/// <summary>The answer of another node, streamed through as this request's answer.</summary>
internal sealed class ForwardedResult(ClusterForwarder forwarder, ClusterNodeAddress target, string kind) : IResult
{
    public ClusterNodeAddress Target => target;

    public Task ExecuteAsync(HttpContext httpContext) => forwarder.ForwardAsync(httpContext, target, kind);
}
