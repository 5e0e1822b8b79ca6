namespace Nightjar.Cluster.Placement;

/// <summary>A node's working state during one placement round: what it carries and its load, kept current.</summary>
internal sealed class NodeSlot
{
    // Ingest is a sum of doubles; a relative slack keeps an exact fit from failing on the last bit of rounding.
    private const double Slack = 1e-9;
    private readonly double _ingestLimit;
    private readonly double _cameraLimit;
    private readonly double _storageLimit;

    public NodeSlot(PlacementNode node, double maxUtilization)
    {
        Node = node;
        _ingestLimit = node.Capacity.IngestMbps * maxUtilization * (1 + Slack);
        _cameraLimit = node.Capacity.Cameras * maxUtilization + Slack;
        _storageLimit = node.Capacity.StorageBytes is { } storage ? storage * maxUtilization * (1 + Slack) : double.PositiveInfinity;
    }

    public PlacementNode Node { get; }

    public string Id => Node.Id;

    public NodeState State => Node.State;

    /// <summary>Only alive nodes receive cameras and take part in rebalancing.</summary>
    public bool IsTarget => Node.State == NodeState.Alive;

    public ResourceUsage Used { get; private set; }

    /// <summary>The node's load: its most-used dimension against capacity.</summary>
    public double Load { get; private set; }

    /// <summary>Indexes (into the round's sorted camera array) of the cameras this node carries.</summary>
    public List<int> Cameras { get; } = [];

    /// <summary>Some dimension is past the high watermark: the node must shed.</summary>
    public bool IsOverloaded => Used.IngestMbps > _ingestLimit || Used.Cameras > _cameraLimit || Used.StorageBytes > _storageLimit;

    public bool Fits(ResourceUsage demand) =>
        Used.IngestMbps + demand.IngestMbps <= _ingestLimit
        && Used.Cameras + demand.Cameras <= _cameraLimit
        && Used.StorageBytes + demand.StorageBytes <= _storageLimit;

    public double LoadWith(ResourceUsage demand) => Node.Capacity.UtilizationOf(Used + demand);

    public double LoadWithout(ResourceUsage demand) => Node.Capacity.UtilizationOf(Used - demand);

    public bool Carries(IReadOnlyDictionary<string, string>? required)
    {
        if (required is null || required.Count == 0)
        {
            return true;
        }

        var labels = Node.Labels;
        if (labels is null)
        {
            return false;
        }

        foreach (var (key, value) in required)
        {
            if (!labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public void Add(int camera, ResourceUsage demand)
    {
        Cameras.Add(camera);
        Used += demand;
        Load = Node.Capacity.UtilizationOf(Used);
    }

    public void Remove(int camera, ResourceUsage demand)
    {
        Cameras.Remove(camera);
        Used -= demand;
        Load = Node.Capacity.UtilizationOf(Used);
    }

    public NodeLoad ToLoad() => new(Node.Id, Node.State, Used, Node.Capacity);
}
