namespace Nightjar.Media.Segments;

/// <summary>
/// Turns relative paths (from the index, or built from names that came over the network) into
/// full paths that can never leave <see cref="Root"/>: absolute paths, <c>..</c>, <c>.</c>, empty
/// components, control characters and symbolic links that point out of the root are rejected with
/// <see cref="UnsafePathException"/>. Links that stay inside the root are allowed, and the root
/// itself may be a link (a mount point behind <c>/srv/rec</c>).
/// </summary>
/// <remarks>
/// The link check looks at the file system at the time of the call; it guards against a hostile
/// name, not against a hostile local user racing the server (who could swap a directory later).
/// </remarks>
public sealed class SafePathResolver
{
    private readonly string _realRoot;

    public SafePathResolver(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Path.IsPathFullyQualified(root))
        {
            throw new ArgumentException($"The storage root must be an absolute path: '{root}'.", nameof(root));
        }

        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _realRoot = RealPath(Root);
    }

    /// <summary>The normalised absolute root.</summary>
    public string Root { get; }

    /// <summary>Resolves <paramref name="relativePath"/> (components separated by '/') under the root.</summary>
    /// <exception cref="UnsafePathException">The path is malformed or would leave the root.</exception>
    public string Resolve(string relativePath)
    {
        var components = Split(relativePath);
        var lexical = Path.Combine([Root, .. components]);
        var full = Path.GetFullPath(lexical);
        if (!IsUnder(full, Root))
        {
            throw new UnsafePathException($"The path '{Printable(relativePath)}' leaves the storage root.");
        }

        // Where the path really lands once every link on the way is followed.
        var real = RealPath(full);
        if (!IsUnder(real, _realRoot) && !string.Equals(real, _realRoot, StringComparison.Ordinal))
        {
            throw new UnsafePathException($"The path '{Printable(relativePath)}' goes through a link that leaves the storage root.");
        }

        return full;
    }

    /// <summary>Like <see cref="Resolve"/> but returns false instead of throwing.</summary>
    public bool TryResolve(string relativePath, out string fullPath)
    {
        try
        {
            fullPath = Resolve(relativePath);
            return true;
        }
        catch (UnsafePathException)
        {
            fullPath = string.Empty;
            return false;
        }
    }

    /// <summary>The '/'-separated path of <paramref name="fullPath"/> relative to the root.</summary>
    /// <exception cref="UnsafePathException">The path is not under the root.</exception>
    public string ToRelative(string fullPath)
    {
        var full = Path.GetFullPath(fullPath);
        if (!IsUnder(full, Root))
        {
            throw new UnsafePathException($"'{Printable(fullPath)}' is not under the storage root.");
        }

        return Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string[] Split(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath))
        {
            throw new UnsafePathException("The path is empty.");
        }

        if (relativePath.Length > 1024)
        {
            throw new UnsafePathException("The path is longer than 1024 characters.");
        }

        if (relativePath[0] is '/' or '\\' || Path.IsPathRooted(relativePath) || relativePath.Contains(':', StringComparison.Ordinal))
        {
            throw new UnsafePathException($"The path '{Printable(relativePath)}' is absolute.");
        }

        var components = relativePath.Split('/');
        foreach (var component in components)
        {
            if (component.Length == 0 || component is "." or ".." || component.Length > 255)
            {
                throw new UnsafePathException($"The path '{Printable(relativePath)}' has an empty, '.', '..' or overlong component.");
            }

            foreach (var c in component)
            {
                if (char.IsControl(c) || c == '\\')
                {
                    throw new UnsafePathException($"The path '{Printable(relativePath)}' contains a control character or a backslash.");
                }
            }
        }

        return components;
    }

    private static bool IsUnder(string path, string root) =>
        path.Length > root.Length
        && path.StartsWith(root, StringComparison.Ordinal)
        && path[root.Length] == Path.DirectorySeparatorChar;

    /// <summary>
    /// realpath(3) in managed code: follows every link along an absolute path; the components
    /// after the first one that does not exist are kept as they are (they cannot be links).
    /// </summary>
    private static string RealPath(string fullPath)
    {
        var expansions = 0;
        return Walk(Path.GetFullPath(fullPath), ref expansions);

        static string Walk(string path, ref int expansions)
        {
            var root = Path.GetPathRoot(path) ?? "/";
            var parts = path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                var info = new FileInfo(next);
                if (info.LinkTarget is { } target)
                {
                    if (++expansions > 40)
                    {
                        throw new UnsafePathException("Too many levels of symbolic links.");
                    }

                    current = Walk(Path.GetFullPath(target, current), ref expansions);
                }
                else if (info.Exists || Directory.Exists(next))
                {
                    current = next;
                }
                else
                {
                    return Path.Combine([current, .. parts[i..]]);
                }
            }

            return current;
        }
    }

    // Names in messages come from the network: keep them short and printable.
    private static string Printable(string value)
    {
        var shortened = value.Length > 80 ? value[..80] + "..." : value;
        return new string([.. shortened.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
