namespace Nightjar.Server.Cluster;

/// <summary>
/// This process among all processes ever started for the site: journal sessions carry it (a PostgreSQL setting) so
/// the database refuses DVR writes from a process that no longer owns the camera.
/// </summary>
internal sealed record ClusterInstance(Guid Id)
{
    public static ClusterInstance New() => new(Guid.NewGuid());
}
