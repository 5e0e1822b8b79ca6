namespace Nightjar.Server.Security;

/// <summary>
/// The headers of a request one node forwards to another on behalf of a caller it has already authenticated and
/// authorized (DESIGN.md, Cluster: "authenticated by the cluster key").
/// </summary>
internal static class ClusterKeyHeaders
{
    /// <summary>The site's shared secret (<c>Cluster:Key</c>).</summary>
    public const string Key = "X-Nightjar-Cluster-Key";

    /// <summary>The role of the original caller: <c>admin</c>, <c>operator</c> or <c>viewer</c>.</summary>
    public const string ForwardedRole = "X-Nightjar-Forwarded-Role";

    /// <summary>The id of the forwarding node; a request carrying it is never forwarded again.</summary>
    public const string ForwardedBy = "X-Nightjar-Forwarded-By";

    /// <summary>True when another node forwarded this request (whether or not it authenticated).</summary>
    public static bool IsForwarded(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey(ForwardedBy);
    }
}
