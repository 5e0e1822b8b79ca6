using Nightjar.Media.Segments;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime.Archive;

/// <summary>The storage root segments go to, and the only way from a stored relative path to a full path.</summary>
internal sealed class StorageLayout
{
    private readonly SafePathResolver _resolver;

    /// <param name="root">An absolute directory; created if missing.</param>
    public StorageLayout(string root)
    {
        FileDurability.CreateDirectoryDurably(root);
        _resolver = new SafePathResolver(root);
    }

    /// <summary>The catalog's name for the root (its index in the configuration).</summary>
    public static string RootName => "0";

    public string Root => _resolver.Root;

    /// <summary>Full path of a relative path; never outside the root.</summary>
    /// <exception cref="UnsafePathException">The path would leave the root.</exception>
    public string Resolve(string relativePath) => _resolver.Resolve(relativePath);

    public bool TryResolve(string relativePath, out string fullPath) => _resolver.TryResolve(relativePath, out fullPath);

    public string ToRelative(string fullPath) => _resolver.ToRelative(fullPath);

    /// <summary><c>{root}/{camera}/{stream}</c>.</summary>
    public string StreamDirectory(CameraId camera, string stream) => _resolver.Resolve(camera.Value + "/" + stream);
}
