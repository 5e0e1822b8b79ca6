namespace Nightjar.Server.Cluster.Routing;

/// <summary>The <c>outcome</c> tag of <c>nightjar.cluster.forwarded</c>.</summary>
internal static class ForwardOutcomes
{
    /// <summary>The owner answered (whatever its status) and the answer reached the caller.</summary>
    public const string Ok = "ok";

    /// <summary>The owner could not be reached or did not answer in time: the caller got 503.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The directory names no reachable node for what was asked: the caller got 503 without a call.</summary>
    public const string NoOwner = "no_owner";

    /// <summary>This node has no cluster key to authenticate with: the caller got 503 without a call.</summary>
    public const string NoKey = "no_key";

    /// <summary>The request had been forwarded already and this node is not the owner either: 503, never a second hop.</summary>
    public const string Loop = "loop";

    /// <summary>The caller or the owner went away while the body was streaming.</summary>
    public const string Aborted = "aborted";

    /// <summary>An RTSP reader was redirected.</summary>
    public const string Redirected = "redirected";

    /// <summary>An export over recordings on several nodes, made here with the other nodes' files fetched from them.</summary>
    public const string Split = "split";
}
