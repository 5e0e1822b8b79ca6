namespace Nightjar.Recording.Events;

/// <summary>
/// Checks for paths of segment files relative to a storage root (media.md 7.4:
/// <c>lobby/2026/11/21/01J.../1763700000.ts</c>). Only a boring alphabet is allowed, so a stored path can never
/// climb out of its root or mean different things on different systems.
/// </summary>
public static class StoragePaths
{
    public const int MaxLength = 1024;

    /// <summary>
    /// True for a relative path of '/'-separated segments of <c>[A-Za-z0-9._-]</c>, none empty, <c>.</c> or <c>..</c>.
    /// </summary>
    public static bool IsSafeRelative(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return false;
            }

            foreach (var c in segment)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <exception cref="ArgumentException">The path is not <see cref="IsSafeRelative">safe and relative</see>.</exception>
    public static string EnsureSafeRelative(string path) =>
        IsSafeRelative(path)
            ? path
            : throw new ArgumentException("A segment path must be relative to its storage root, of [A-Za-z0-9._-] segments separated by '/', without '.' or '..'.", nameof(path));
}
