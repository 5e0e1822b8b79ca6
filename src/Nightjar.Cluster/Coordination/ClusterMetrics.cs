using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Nightjar.Cluster.Coordination;

/// <summary>
/// The cluster's instruments (Meter "Nightjar.Cluster"). One process normally hosts one node; the gauges report
/// every live membership of the process, tagged with its node id, so in-process test clusters stay apart.
/// </summary>
internal static class ClusterMetrics
{
    public const string MeterName = "Nightjar.Cluster";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<NodeMembership, byte> Members = new();

    public static readonly Histogram<double> RenewDuration = Meter.CreateHistogram<double>(
        "nightjar.cluster.lease.renew.duration", "s", "Round trip of a lease renewal (heartbeat)");

    public static readonly Counter<long> LeaseLost = Meter.CreateCounter<long>(
        "nightjar.cluster.lease.lost", "{event}", "Times this node's lease ran out before it was renewed");

    public static readonly Histogram<double> FailoverDuration = Meter.CreateHistogram<double>(
        "nightjar.cluster.failover.duration", "s", "From the dead owner's last heartbeat to recording on the new node (DB time)");

    public static readonly Histogram<double> HandoffDuration = Meter.CreateHistogram<double>(
        "nightjar.cluster.handoff.duration", "s", "From the release request to recording on the new node (DB time)");

    public static readonly Counter<long> Moves = Meter.CreateCounter<long>(
        "nightjar.cluster.moves", "{move}", "Assignments and release requests the coordinator wrote, by reason");

    public static readonly Counter<long> TermChanges = Meter.CreateCounter<long>(
        "nightjar.cluster.coordinator.term_changes", "{term}", "Coordinator terms this node acquired");

    static ClusterMetrics()
    {
        Meter.CreateObservableGauge("nightjar.cluster.membership.version", ObserveVersions, "{version}",
            "The membership version this node last saw");
        Meter.CreateObservableGauge("nightjar.cluster.node.utilization", ObserveUtilization, "1",
            "This node's load against its capacity, by dimension");
    }

    public static void Track(NodeMembership member) => Members.TryAdd(member, 0);

    public static void Untrack(NodeMembership member) => Members.TryRemove(member, out _);

    public static string ReasonTag(Placement.MoveReason reason) => reason switch
    {
        Placement.MoveReason.Initial => "initial",
        Placement.MoveReason.Failover => "failover",
        Placement.MoveReason.Drain => "drain",
        Placement.MoveReason.Label => "label",
        _ => "rebalance",
    };

    private static IEnumerable<Measurement<long>> ObserveVersions() =>
        Members.Keys.Select(m => new Measurement<long>(m.MembershipVersion, new KeyValuePair<string, object?>("node", m.Identity.NodeId)));

    private static IEnumerable<Measurement<double>> ObserveUtilization()
    {
        foreach (var member in Members.Keys)
        {
            var node = new KeyValuePair<string, object?>("node", member.Identity.NodeId);
            var (ingest, cameras, storage) = member.Utilization();
            yield return new Measurement<double>(ingest, node, new KeyValuePair<string, object?>("dimension", "ingest"));
            yield return new Measurement<double>(cameras, node, new KeyValuePair<string, object?>("dimension", "cameras"));
            if (storage is { } s)
            {
                yield return new Measurement<double>(s, node, new KeyValuePair<string, object?>("dimension", "storage"));
            }
        }
    }
}
