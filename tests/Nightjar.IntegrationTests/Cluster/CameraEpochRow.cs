namespace Nightjar.IntegrationTests.Cluster;

/// <summary>One authority interval (<c>nightjar_cluster.camera_epoch</c>): who owned a camera from when to when (null: still).</summary>
internal sealed record CameraEpochRow(string Camera, long Epoch, string Node, string Incarnation, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo, string? Reason)
{
    public override string ToString() => $"{Camera}#{Epoch} {Node}/{Incarnation} [{ValidFrom:HH:mm:ss.fff}, {ValidTo:HH:mm:ss.fff}) {Reason}";
}
