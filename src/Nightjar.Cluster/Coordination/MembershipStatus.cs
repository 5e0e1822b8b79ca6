namespace Nightjar.Cluster.Coordination;

/// <summary>This incarnation's membership state. <see cref="Dead"/> is terminal.</summary>
public enum MembershipStatus
{
    Joining,
    Active,
    Leaving,
    Dead,
}
