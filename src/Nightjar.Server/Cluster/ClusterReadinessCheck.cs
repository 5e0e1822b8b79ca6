using Nightjar.Cluster.Coordination;
using Nightjar.Server.Health;

namespace Nightjar.Server.Cluster;

/// <summary>
/// Ready while this node is a member holding its lease. A node cut off from the database keeps recording (its writes
/// are fenced by the database), but must not receive traffic it may no longer answer for; a leaving node stays ready
/// so viewers are served while its cameras move.
/// </summary>
internal sealed class ClusterReadinessCheck(ClusterRuntime cluster) : IReadinessCheck
{
    public string Name => "cluster";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        var membership = cluster.Membership;
        var result = membership.Status switch
        {
            MembershipStatus.Joining => ReadinessResult.NotReady("joining the cluster"),
            MembershipStatus.Dead => ReadinessResult.NotReady("this node left the cluster or was declared dead"),
            _ when !membership.HoldsLease => ReadinessResult.NotReady("lease not renewed in time (database unreachable?)"),
            MembershipStatus.Leaving => ReadinessResult.Ready($"draining (incarnation {membership.Incarnation})"),
            _ => ReadinessResult.Ready($"member (incarnation {membership.Incarnation})"),
        };
        return Task.FromResult(result);
    }
}
