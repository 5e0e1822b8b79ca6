using Nightjar.Cluster.Coordination;

namespace Nightjar.Cluster.Tests.Support;

/// <summary>The coordinator's SQL calls made by hand, for tests that need a precise assignment without a running coordinator.</summary>
internal static class LeaderCalls
{
    public static async Task<long?> AcquireAsync(ClusterDatabase database, NodeMembership leader)
    {
        var rows = await database.RowsAsync(
            "SELECT term FROM nightjar_cluster.leader_acquire($1, $2, interval '10 seconds', interval '0 seconds')",
            leader.Identity.NodeId, leader.Incarnation);
        return rows.Count == 0 ? null : (long)rows[0][0];
    }

    public static async Task<long?> AssignAsync(ClusterDatabase database, NodeMembership leader, long term, string camera, long expectedEpoch, NodeMembership owner)
    {
        var rows = await database.RowsAsync(
            "SELECT nightjar_cluster.assign_camera($1, $2, $3, $4, $5, $6, $7, 'initial')",
            leader.Identity.NodeId, leader.Incarnation, term, camera, expectedEpoch, owner.Identity.NodeId, owner.Incarnation);
        return rows[0][0] is long epoch ? epoch : null;
    }

    public static Task<bool> ReleaseRequestAsync(ClusterDatabase database, NodeMembership leader, long term, string camera, long epoch, NodeMembership target) =>
        database.ScalarAsync<bool>(
            "SELECT nightjar_cluster.release_request($1, $2, $3, $4, $5, $6, $7, interval '30 seconds', 'rebalance')",
            leader.Identity.NodeId, leader.Incarnation, term, camera, epoch, target.Identity.NodeId, target.Incarnation);
}
