namespace Nightjar.Cluster.Placement;

/// <summary>
/// One run of the planner over validated input. Nodes and cameras are sorted by id first, and every choice breaks
/// ties by that order, so the plan does not depend on the order of the input lists.
/// </summary>
internal sealed partial class PlacementRound
{
    private readonly PlacementInput _input;
    private readonly PlacementRules _rules;
    private readonly NodeSlot[] _nodes;
    private readonly PlacementCamera[] _cameras;
    private readonly ResourceUsage[] _demand;
    private readonly int[] _owner;
    private readonly int[] _archive;
    private readonly string?[] _lostOwner;
    private readonly bool[] _moved;
    private readonly double[] _dominantShare;
    private readonly List<PlacementMove> _moves = [];
    private readonly List<int> _unplaced = [];
    private readonly List<string> _stranded = [];
    private bool _sessionOpen;

    public PlacementRound(PlacementInput input)
    {
        _input = input;
        _rules = input.Rules;
        _nodes = input.Nodes
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => new NodeSlot(n, _rules.MaxUtilization))
            .ToArray();
        var nodeIndex = new Dictionary<string, int>(_nodes.Length, StringComparer.Ordinal);
        for (int i = 0; i < _nodes.Length; i++)
        {
            nodeIndex[_nodes[i].Id] = i;
        }

        _cameras = SortedById(input.Cameras);
        _demand = new ResourceUsage[_cameras.Length];
        _owner = new int[_cameras.Length];
        _archive = new int[_cameras.Length];
        _lostOwner = new string?[_cameras.Length];
        _moved = new bool[_cameras.Length];
        for (int c = 0; c < _cameras.Length; c++)
        {
            var camera = _cameras[c];
            _demand[c] = camera.Demand;
            _archive[c] = camera.ArchiveNode is { } archive && nodeIndex.TryGetValue(archive, out var a) ? a : -1;
            _owner[c] = -1;
            if (!input.Assignments.TryGetValue(camera.Id, out var nodeId))
            {
                continue;
            }

            // A node that is gone from the view or dead no longer records anything: its cameras fail over.
            if (nodeIndex.TryGetValue(nodeId, out var n) && _nodes[n].State != NodeState.Dead)
            {
                _owner[c] = n;
                _nodes[n].Add(c, _demand[c]);
            }
            else
            {
                _lostOwner[c] = nodeId;
            }
        }

        _dominantShare = DominantShares();
    }

    /// <summary>
    /// The cameras in ordinal id order. A coordinator reads them ordered and <see cref="PlacementInput.Apply"/> keeps
    /// the order, so the common case is one linear check instead of a sort of 10,000 strings.
    /// </summary>
    private static PlacementCamera[] SortedById(IReadOnlyList<PlacementCamera> cameras)
    {
        var sorted = cameras.ToArray();
        for (int i = 1; i < sorted.Length; i++)
        {
            if (string.CompareOrdinal(sorted[i - 1].Id, sorted[i].Id) > 0)
            {
                Array.Sort(Array.ConvertAll(sorted, c => c.Id), sorted, StringComparer.Ordinal);
                break;
            }
        }

        return sorted;
    }

    public PlacementPlan Run()
    {
        PlaceCamerasWithoutNode();
        EvacuateCameras();
        Rebalance();
        // Again: rebalancing can make room for a camera that fitted nowhere before it.
        PlaceCamerasWithoutNode();
        return BuildPlan();
    }

    /// <summary>
    /// Bulk placement goes biggest-first (worst-fit-decreasing) and most important first. "Biggest" is the camera's
    /// largest share of the cluster's alive capacity in any dimension, as in dominant-resource fairness.
    /// </summary>
    private double[] DominantShares()
    {
        double ingest = 0, cameras = 0, storage = 0;
        foreach (var node in _nodes)
        {
            if (node.IsTarget)
            {
                ingest += node.Node.Capacity.IngestMbps;
                cameras += node.Node.Capacity.Cameras;
                storage += node.Node.Capacity.StorageBytes ?? 0;
            }
        }

        var shares = new double[_cameras.Length];
        for (int c = 0; c < shares.Length; c++)
        {
            var d = _demand[c];
            shares[c] = Math.Max(
                Math.Max(ingest > 0 ? d.IngestMbps / ingest : 0, cameras > 0 ? d.Cameras / cameras : 0),
                storage > 0 ? d.StorageBytes / storage : 0);
        }

        return shares;
    }

    /// <summary>Most important first, then biggest first, then by id.</summary>
    private int CompareForPlacement(int left, int right)
    {
        int byPriority = _cameras[left].Priority.CompareTo(_cameras[right].Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        int bySize = _dominantShare[right].CompareTo(_dominantShare[left]);
        return bySize != 0 ? bySize : left.CompareTo(right);
    }

    /// <summary>
    /// The alive node, other than <paramref name="exclude"/>, where the camera fits with the most headroom after
    /// placement (lowest load after; ties to the lower node id), or its archive node when that fits and is at most
    /// <see cref="PlacementRules.ArchivePreferenceMargin"/> worse. -1 when it fits nowhere.
    /// </summary>
    private int ChooseNode(int camera, int exclude)
    {
        var demand = _demand[camera];
        var required = _cameras[camera].RequiredLabels;
        int best = -1;
        double bestLoad = double.PositiveInfinity;
        bool archiveFits = false;
        double archiveLoad = 0;
        for (int n = 0; n < _nodes.Length; n++)
        {
            var node = _nodes[n];
            if (n == exclude || !node.IsTarget || !node.Fits(demand) || !node.Carries(required))
            {
                continue;
            }

            double load = node.LoadWith(demand);
            if (n == _archive[camera])
            {
                archiveFits = true;
                archiveLoad = load;
            }

            if (load < bestLoad)
            {
                best = n;
                bestLoad = load;
            }
        }

        return archiveFits && archiveLoad <= bestLoad + _rules.ArchivePreferenceMargin ? _archive[camera] : best;
    }

    private void Move(int camera, int to, MoveReason reason)
    {
        int from = _owner[camera];
        string? fromId = from >= 0 ? _nodes[from].Id : _lostOwner[camera];
        if (from >= 0)
        {
            _nodes[from].Remove(camera, _demand[camera]);
        }

        _nodes[to].Add(camera, _demand[camera]);
        _owner[camera] = to;
        _moved[camera] = true;
        _moves.Add(new PlacementMove(_cameras[camera].Id, fromId, _nodes[to].Id, reason));
    }

    /// <summary>Highest minus lowest load over alive nodes; 0 with fewer than two.</summary>
    private double Spread()
    {
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        int alive = 0;
        foreach (var node in _nodes)
        {
            if (node.IsTarget)
            {
                alive++;
                max = Math.Max(max, node.Load);
                min = Math.Min(min, node.Load);
            }
        }

        return alive < 2 ? 0 : max - min;
    }

    private PlacementPlan BuildPlan()
    {
        var assignments = new Dictionary<string, string>(_cameras.Length, StringComparer.Ordinal);
        for (int c = 0; c < _cameras.Length; c++)
        {
            if (_owner[c] >= 0)
            {
                assignments[_cameras[c].Id] = _nodes[_owner[c]].Id;
            }
        }

        var unplaceable = _unplaced.ConvertAll(c => _cameras[c].Id);
        unplaceable.Sort(StringComparer.Ordinal);
        _stranded.Sort(StringComparer.Ordinal);
        return new PlacementPlan(
            assignments,
            _moves,
            unplaceable,
            _stranded,
            Array.ConvertAll(_nodes, n => n.ToLoad()),
            Spread(),
            _sessionOpen);
    }
}
