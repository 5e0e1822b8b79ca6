using Nightjar.Media.Segments;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime.Archive;

/// <summary>The storage root segments go to, and the only way from a stored relative path to a full path.</summary>
internal sealed class StorageLayout
{
    private readonly SafePathResolver _resolver;

    /// <param name="root">An absolute directory; created if missing.</param>
    /// <param name="node">The node whose disk this is (null on a single node): part of the root's catalog name.</param>
    public StorageLayout(string root, string? node = null)
    {
        FileDurability.CreateDirectoryDurably(root);
        _resolver = new SafePathResolver(root);
        CatalogRootName = RootNameFor(node);
    }

    /// <summary>The catalog's name for a single node's (first) root.</summary>
    public static string RootName => RootNameFor(null);

    /// <summary>The catalog's name of this root: <c>"0"</c>, or <c>"{node}/0"</c> in a cluster.</summary>
    public string CatalogRootName { get; }

    /// <summary>The catalog's name of the first root of <paramref name="node"/> (see <see cref="StorageRootNames"/>).</summary>
    public static string RootNameFor(string? node) => StorageRootNames.For(node);

    public string Root => _resolver.Root;

    /// <summary>Full path of a relative path; never outside the root.</summary>
    /// <exception cref="UnsafePathException">The path would leave the root.</exception>
    public string Resolve(string relativePath) => _resolver.Resolve(relativePath);

    public bool TryResolve(string relativePath, out string fullPath) => _resolver.TryResolve(relativePath, out fullPath);

    public string ToRelative(string fullPath) => _resolver.ToRelative(fullPath);

    /// <summary><c>{root}/{camera}/{stream}</c>.</summary>
    public string StreamDirectory(CameraId camera, string stream) => _resolver.Resolve(camera.Value + "/" + stream);
}
