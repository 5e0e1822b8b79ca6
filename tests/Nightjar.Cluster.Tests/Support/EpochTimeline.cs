namespace Nightjar.Cluster.Tests.Support;

/// <summary>Checks the authoritative timeline: per camera, epochs follow each other without gap or overlap.</summary>
internal static class EpochTimeline
{
    public static async Task AssertContiguousAsync(ClusterDatabase database)
    {
        var rows = await database.RowsAsync("""
            SELECT camera_id, epoch, valid_from, valid_to FROM nightjar_cluster.camera_epoch ORDER BY camera_id, epoch
            """);
        foreach (var camera in rows.GroupBy(r => (string)r[0]))
        {
            var epochs = camera.ToList();
            for (var i = 0; i < epochs.Count; i++)
            {
                ((long)epochs[i][1]).Should().Be(i + 1, "camera {0} has epochs 1, 2, 3...", camera.Key);
                if (i + 1 < epochs.Count)
                {
                    epochs[i][3].Should().Be(epochs[i + 1][2], "epoch {0} of {1} ends where the next begins", i + 1, camera.Key);
                }
                else
                {
                    epochs[i][3].Should().Be(DBNull.Value, "the last epoch of {0} is open", camera.Key);
                }
            }
        }
    }
}
