using Nightjar.Recording.Policies;

namespace Nightjar.Recording.Retention;

/// <summary>A storage root as retention sees it: where it is, how much of its filesystem it may fill, its default depth.</summary>
/// <param name="Name">The root's name in reports, metrics and storage alarms.</param>
/// <param name="Path">Absolute directory the root's segment paths are relative to.</param>
/// <param name="LimitBytes">The limit in bytes; exactly one of this and <paramref name="LimitPercent"/> is set.</param>
/// <param name="LimitPercent">The limit as a percentage in (0, 100] of the filesystem's total size.</param>
/// <param name="DefaultDepth">
/// Depth of cameras whose own depth is unlimited (the default of a camera without a <c>dvr</c> block; the <c>7d</c> of
/// the <c>50% 7d</c> short form), and of the archives of removed cameras. Null: those are kept until space runs out.
/// </param>
/// <remarks>
/// The catalog names a root by its index in the configuration (<c>"0"</c> for the first): the service matches
/// <c>CatalogSegment.StorageRoot</c> against the root's position in the list it is given.
/// </remarks>
public sealed record RetentionRoot(string Name, string Path, long? LimitBytes, double? LimitPercent, DepthLimit? DefaultDepth)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("A storage root needs a name.", nameof(Name));
        }

        if (string.IsNullOrEmpty(Path) || !System.IO.Path.IsPathFullyQualified(Path))
        {
            throw new ArgumentException($"Storage root '{Name}': the path must be absolute.", nameof(Path));
        }

        if (LimitBytes.HasValue == LimitPercent.HasValue)
        {
            throw new ArgumentException($"Storage root '{Name}': set exactly one of the limit in bytes and the limit in percent.", nameof(LimitBytes));
        }

        if (LimitBytes is <= 0)
        {
            throw new ArgumentException($"Storage root '{Name}': the limit must be greater than zero bytes.", nameof(LimitBytes));
        }

        if (LimitPercent is { } percent && (double.IsNaN(percent) || percent <= 0 || percent > 100))
        {
            throw new ArgumentException($"Storage root '{Name}': the limit percent must be in (0, 100].", nameof(LimitPercent));
        }
    }

    /// <summary>The limit in bytes on a filesystem of <paramref name="totalBytes"/>.</summary>
    public long ResolveLimit(long totalBytes) =>
        LimitBytes ?? (long)Math.Floor(totalBytes * (LimitPercent!.Value / 100.0));
}
