namespace Nightjar.Server.Security;

/// <summary>The authentication schemes of a node.</summary>
internal static class NightjarAuthenticationSchemes
{
    /// <summary>The default: picks <see cref="ClusterKey"/>, <see cref="ApiKey"/> or <see cref="PlaybackToken"/> for each request.</summary>
    public const string Default = "Nightjar";

    /// <summary><c>Authorization: Bearer &lt;API key&gt;</c>, on every route.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary><c>?token=&lt;playback token&gt;</c>, on media GET/HEAD routes only.</summary>
    public const string PlaybackToken = "PlaybackToken";

    /// <summary>A request another node forwarded: <c>X-Nightjar-Cluster-Key</c> plus the caller's role (see <see cref="ClusterKeyHeaders"/>).</summary>
    public const string ClusterKey = "ClusterKey";

    /// <summary>The realm sent in <c>WWW-Authenticate: Bearer realm="nightjar"</c>.</summary>
    public const string Realm = "nightjar";
}
