namespace Nightjar.Server.Cluster.Routing;

/// <summary>The <c>kind</c> tag of <c>nightjar.cluster.forwarded</c>: what was sent to another node.</summary>
internal static class ForwardKinds
{
    /// <summary>A live playlist, a live snapshot or a growing (<c>-now</c>) archive playlist: state in the owner's memory.</summary>
    public const string Live = "live";

    /// <summary>A chunk or a whole recording file held on another node's disk.</summary>
    public const string Chunk = "chunk";

    /// <summary>A JSON API call answered from the owner's memory (camera status).</summary>
    public const string Api = "api";

    /// <summary>An alarm raised through the API or the trigger URL: the owner's signal pipeline keeps the camera's motion window.</summary>
    public const string Alarm = "alarm";

    /// <summary>A whole export whose recordings are all on one other node.</summary>
    public const string Export = "export";

    /// <summary>An RTSP reader sent to the owner with <c>302 Moved Temporarily</c>.</summary>
    public const string RtspRedirect = "rtsp_redirect";
}
