using System.Collections.Concurrent;
using Nightjar.Server.Security;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>What reached an owner node with the forwarding headers (a middleware ahead of authentication records it).</summary>
internal sealed class ForwardedRequestLog
{
    private readonly ConcurrentQueue<ForwardedRequest> _requests = new();

    public IReadOnlyList<ForwardedRequest> Requests => [.. _requests];

    public void Install(WebApplication app) => app.Use((context, next) =>
    {
        if (context.Request.Headers.TryGetValue(ClusterKeyHeaders.ForwardedBy, out var by))
        {
            _requests.Enqueue(new ForwardedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                by.ToString(),
                context.Request.Headers[ClusterKeyHeaders.ForwardedRole].ToString(),
                context.Request.Headers.Authorization.ToString(),
                context.Request.Headers.Range.ToString()));
        }

        return next(context);
    });
}
