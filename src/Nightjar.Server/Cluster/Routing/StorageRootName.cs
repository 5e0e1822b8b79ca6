namespace Nightjar.Server.Cluster.Routing;

/// <summary>
/// The node part of a catalog row's storage root: <c>"0"</c> on a single node (always this node), <c>"{nodeId}/0"</c>
/// in a cluster, where each node records onto its own disks.
/// </summary>
internal static class StorageRootName
{
    /// <summary>The node holding the root, or null when the name carries none (a single node's root: this node).</summary>
    public static string? NodeOf(string? storageRoot)
    {
        if (string.IsNullOrEmpty(storageRoot))
        {
            return null;
        }

        var slash = storageRoot.LastIndexOf('/');
        return slash > 0 ? storageRoot[..slash] : null;
    }
}
