using System.Globalization;

namespace Nightjar.Cluster.Placement;

/// <summary>
/// Rejects input the planner cannot reason about, naming the offending item, before anything is computed. Messages are
/// formatted only on failure: validation runs over every camera in every round.
/// </summary>
internal static class PlacementValidation
{
    // A storage need past this (about 2.3 EB) could overflow when summed per node.
    private const double MaxStorageBytes = long.MaxValue / 4.0;

    public static void Validate(PlacementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Nodes is null)
        {
            throw Invalid("the node list is missing");
        }

        if (input.Cameras is null)
        {
            throw Invalid("the camera list is missing");
        }

        if (input.Assignments is null)
        {
            throw Invalid("the assignment map is missing");
        }

        ValidateRules(input.Rules);
        ValidateNodes(input.Nodes);
        ValidateCameras(input.Cameras);
        foreach (var (camera, node) in input.Assignments)
        {
            if (string.IsNullOrEmpty(node))
            {
                throw Invalid($"camera '{camera}' is assigned to an empty node id");
            }
        }
    }

    private static void ValidateRules(PlacementRules? rules)
    {
        if (rules is null)
        {
            throw Invalid("the rules are missing");
        }

        if (!IsFraction(rules.ImbalanceTarget))
        {
            throw Invalid($"ImbalanceTarget must be between 0 and 1, got {Format(rules.ImbalanceTarget)}");
        }

        if (!IsFraction(rules.ImbalanceThreshold) || rules.ImbalanceThreshold < rules.ImbalanceTarget)
        {
            throw Invalid($"ImbalanceThreshold must be between ImbalanceTarget ({Format(rules.ImbalanceTarget)}) and 1, got {Format(rules.ImbalanceThreshold)}");
        }

        if (!IsFraction(rules.MinImprovement))
        {
            throw Invalid($"MinImprovement must be between 0 and 1, got {Format(rules.MinImprovement)}");
        }

        if (rules.MaxRebalanceMovesPerRound < 0)
        {
            throw Invalid($"MaxRebalanceMovesPerRound must not be negative, got {rules.MaxRebalanceMovesPerRound}");
        }

        if (rules.MaxDrainMovesPerRound < 0)
        {
            throw Invalid($"MaxDrainMovesPerRound must not be negative, got {rules.MaxDrainMovesPerRound}");
        }

        if (rules.RebalanceCooldown < TimeSpan.Zero)
        {
            throw Invalid($"RebalanceCooldown must not be negative, got {rules.RebalanceCooldown}");
        }

        if (!IsFraction(rules.ArchivePreferenceMargin))
        {
            throw Invalid($"ArchivePreferenceMargin must be between 0 and 1, got {Format(rules.ArchivePreferenceMargin)}");
        }

        if (rules.MaxUtilization is not (> 0 and <= 1))
        {
            throw Invalid($"MaxUtilization must be above 0 and at most 1, got {Format(rules.MaxUtilization)}");
        }
    }

    private static void ValidateNodes(IReadOnlyList<PlacementNode> nodes)
    {
        var seen = new HashSet<string>(nodes.Count, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node is null)
            {
                throw Invalid("the node list holds a null entry");
            }

            if (string.IsNullOrEmpty(node.Id))
            {
                throw Invalid("a node has an empty id");
            }

            if (!seen.Add(node.Id))
            {
                throw Invalid($"node '{node.Id}' appears twice");
            }

            if (!Enum.IsDefined(node.State))
            {
                throw Invalid($"node '{node.Id}' has an unknown state {(int)node.State}");
            }

            var capacity = node.Capacity ?? throw Invalid($"node '{node.Id}' has no capacity");
            if (!double.IsFinite(capacity.IngestMbps) || capacity.IngestMbps <= 0)
            {
                throw Invalid($"node '{node.Id}': ingest capacity must be a positive number of Mbit/s, got {Format(capacity.IngestMbps)}");
            }

            if (capacity.Cameras <= 0)
            {
                throw Invalid($"node '{node.Id}': camera capacity must be positive, got {capacity.Cameras}");
            }

            if (capacity.StorageBytes is <= 0)
            {
                throw Invalid($"node '{node.Id}': storage capacity must be positive or absent (shared storage), got {capacity.StorageBytes}");
            }
        }
    }

    private static void ValidateCameras(IReadOnlyList<PlacementCamera> cameras)
    {
        var seen = new HashSet<string>(cameras.Count, StringComparer.Ordinal);
        foreach (var camera in cameras)
        {
            if (camera is null)
            {
                throw Invalid("the camera list holds a null entry");
            }

            if (string.IsNullOrEmpty(camera.Id))
            {
                throw Invalid("a camera has an empty id");
            }

            if (!seen.Add(camera.Id))
            {
                throw Invalid($"camera '{camera.Id}' appears twice");
            }

            ValidateDemand(camera);
        }
    }

    private static void ValidateDemand(PlacementCamera camera)
    {
        if (!double.IsFinite(camera.ExpectedMbps) || camera.ExpectedMbps < 0)
        {
            throw Invalid($"camera '{camera.Id}': expected bitrate must be a non-negative number of Mbit/s, got {Format(camera.ExpectedMbps)}");
        }

        if (camera.MeasuredMbps is { } measured && (!double.IsFinite(measured) || measured < 0))
        {
            throw Invalid($"camera '{camera.Id}': measured bitrate must be a non-negative number of Mbit/s, got {Format(measured)}");
        }

        if (camera.StorageBytes is { } storage && storage is < 0 or > (long)MaxStorageBytes)
        {
            throw Invalid($"camera '{camera.Id}': storage need must be between 0 and {(long)MaxStorageBytes} bytes, got {storage}");
        }

        if (camera.RetentionDepth is { } depth)
        {
            if (depth < TimeSpan.Zero)
            {
                throw Invalid($"camera '{camera.Id}': retention depth must not be negative, got {depth}");
            }

            double bytes = camera.BitrateMbps * 1_000_000 / 8 * depth.TotalSeconds;
            if (camera.StorageBytes is null && bytes > MaxStorageBytes)
            {
                throw Invalid($"camera '{camera.Id}': bitrate × retention gives an impossible storage need ({Format(bytes)} bytes)");
            }
        }
    }

    private static bool IsFraction(double value) => value is >= 0 and <= 1;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static ArgumentException Invalid(string message) => new("Invalid placement input: " + message + ".");
}
