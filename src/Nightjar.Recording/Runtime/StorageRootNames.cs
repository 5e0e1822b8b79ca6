using System.Globalization;

namespace Nightjar.Recording.Runtime;

/// <summary>
/// How the segment catalog names the storage root that holds a file (<c>CatalogSegment.StorageRoot</c>): the root's
/// index in the node's configuration (<c>"0"</c>) on a single node, <c>"{node}/{index}"</c> in a cluster, where every
/// node has its own disk and must only check, reconcile and delete the files of its own roots.
/// </summary>
public static class StorageRootNames
{
    /// <summary>The catalog's name of root <paramref name="index"/> of <paramref name="node"/> (null: a single node).</summary>
    /// <exception cref="ArgumentException">The node id is not a valid <see cref="NodeIds"/> id.</exception>
    public static string For(string? node, int index = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var number = index.ToString(CultureInfo.InvariantCulture);
        if (node is null)
        {
            return number;
        }

        NodeIds.Ensure(node, nameof(node));
        return node + "/" + number;
    }

    /// <summary>The node a catalog root name belongs to: null for a single node's root (<c>"0"</c>).</summary>
    public static string? NodeOf(string storageRoot)
    {
        ArgumentNullException.ThrowIfNull(storageRoot);
        var slash = storageRoot.LastIndexOf('/');
        return slash > 0 ? storageRoot[..slash] : null;
    }
}
