using Nightjar.Persistence.Catalog;

namespace Nightjar.Recording.Retention;

/// <summary>Everything one planning pass over one root depends on, read before it starts.</summary>
/// <param name="Now">The pass's clock reading.</param>
/// <param name="Policies">Policies of configured cameras by catalog source (camera id).</param>
/// <param name="RemovedCameraPolicy">Policy of any source not in <paramref name="Policies"/>.</param>
/// <param name="Protection">Motion windows and evidence locks.</param>
/// <param name="IsPinned">True for a path an export is reading.</param>
/// <param name="CameraBytes">Recorded bytes per source in this root, from the index.</param>
/// <param name="RootBytes">Recorded bytes of the root, from the index.</param>
/// <param name="RootSegments">Recorded segments of the root.</param>
/// <param name="LimitBytes">The root's limit; null for none.</param>
/// <param name="FreeBytes">Free space of the filesystem.</param>
/// <param name="MinFreeBytes">Below this, the emergency order; evidence locks are deleted only while free space is below it.</param>
/// <param name="MaxDeletions">Bound of the pass.</param>
/// <param name="MaxMotionLength">An open motion window older than this counts as ended at its start plus this.</param>
/// <param name="EmergencyTargetBytes">
/// Once in the emergency order, unprotected and motion-protected segments are deleted until free space is back to this
/// (at least <paramref name="MinFreeBytes"/>; the service passes the low-water mark, twice the minimum), so a busy disk
/// gets headroom instead of hovering at the edge. Null means <paramref name="MinFreeBytes"/>.
/// </param>
internal sealed record RetentionPlanInput(
    DateTimeOffset Now,
    IReadOnlyDictionary<string, CameraRetentionPolicy> Policies,
    CameraRetentionPolicy RemovedCameraPolicy,
    ProtectionSnapshot Protection,
    Func<string, bool> IsPinned,
    IReadOnlyDictionary<string, long> CameraBytes,
    long RootBytes,
    long RootSegments,
    long? LimitBytes,
    long FreeBytes,
    long MinFreeBytes,
    int MaxDeletions,
    TimeSpan MaxMotionLength,
    long? EmergencyTargetBytes = null)
{
    /// <summary>Free space the emergency order restores with unprotected and motion-protected segments.</summary>
    public long EmergencyTarget => Math.Max(EmergencyTargetBytes ?? MinFreeBytes, MinFreeBytes);

    public CameraRetentionPolicy PolicyOf(CatalogSegment segment) => Policies.GetValueOrDefault(segment.Source) ?? RemovedCameraPolicy;
}
