using System.Globalization;

namespace Nightjar.Cluster.Placement;

/// <summary>Rejects input the planner cannot reason about, naming the offending item, before anything is computed.</summary>
internal static class PlacementValidation
{
    // A storage need past this (about 9.2 EB) cannot be summed per node without overflow.
    private const double MaxStorageBytes = long.MaxValue / 4.0;

    public static void Validate(PlacementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Require(input.Nodes is not null, "the node list is missing");
        Require(input.Cameras is not null, "the camera list is missing");
        Require(input.Assignments is not null, "the assignment map is missing");
        ValidateRules(input.Rules);
        ValidateNodes(input.Nodes!);
        ValidateCameras(input.Cameras!);
        foreach (var (camera, node) in input.Assignments!)
        {
            Require(!string.IsNullOrEmpty(node), $"camera '{camera}' is assigned to an empty node id");
        }
    }

    private static void ValidateRules(PlacementRules? rules)
    {
        Require(rules is not null, "the rules are missing");
        Require(IsFraction(rules!.ImbalanceTarget), $"ImbalanceTarget must be between 0 and 1, got {Format(rules.ImbalanceTarget)}");
        Require(
            IsFraction(rules.ImbalanceThreshold) && rules.ImbalanceThreshold >= rules.ImbalanceTarget,
            $"ImbalanceThreshold must be between ImbalanceTarget ({Format(rules.ImbalanceTarget)}) and 1, got {Format(rules.ImbalanceThreshold)}");
        Require(IsFraction(rules.MinImprovement), $"MinImprovement must be between 0 and 1, got {Format(rules.MinImprovement)}");
        Require(rules.MaxRebalanceMovesPerRound >= 0, $"MaxRebalanceMovesPerRound must not be negative, got {rules.MaxRebalanceMovesPerRound}");
        Require(rules.MaxDrainMovesPerRound >= 0, $"MaxDrainMovesPerRound must not be negative, got {rules.MaxDrainMovesPerRound}");
        Require(rules.RebalanceCooldown >= TimeSpan.Zero, $"RebalanceCooldown must not be negative, got {rules.RebalanceCooldown}");
        Require(IsFraction(rules.ArchivePreferenceMargin), $"ArchivePreferenceMargin must be between 0 and 1, got {Format(rules.ArchivePreferenceMargin)}");
        Require(
            rules.MaxUtilization > 0 && rules.MaxUtilization <= 1,
            $"MaxUtilization must be above 0 and at most 1, got {Format(rules.MaxUtilization)}");
    }

    private static void ValidateNodes(IReadOnlyList<PlacementNode> nodes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            Require(node is not null, "the node list holds a null entry");
            Require(!string.IsNullOrEmpty(node!.Id), "a node has an empty id");
            Require(seen.Add(node.Id), $"node '{node.Id}' appears twice");
            Require(Enum.IsDefined(node.State), $"node '{node.Id}' has an unknown state {(int)node.State}");
            var capacity = node.Capacity;
            Require(capacity is not null, $"node '{node.Id}' has no capacity");
            Require(
                double.IsFinite(capacity!.IngestMbps) && capacity.IngestMbps > 0,
                $"node '{node.Id}': ingest capacity must be a positive number of Mbit/s, got {Format(capacity.IngestMbps)}");
            Require(capacity.Cameras > 0, $"node '{node.Id}': camera capacity must be positive, got {capacity.Cameras}");
            Require(
                capacity.StorageBytes is null or > 0,
                $"node '{node.Id}': storage capacity must be positive or absent (shared storage), got {capacity.StorageBytes}");
        }
    }

    private static void ValidateCameras(IReadOnlyList<PlacementCamera> cameras)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var camera in cameras)
        {
            Require(camera is not null, "the camera list holds a null entry");
            Require(!string.IsNullOrEmpty(camera!.Id), "a camera has an empty id");
            Require(seen.Add(camera.Id), $"camera '{camera.Id}' appears twice");
            Require(
                double.IsFinite(camera.ExpectedMbps) && camera.ExpectedMbps >= 0,
                $"camera '{camera.Id}': expected bitrate must be a non-negative number of Mbit/s, got {Format(camera.ExpectedMbps)}");
            Require(
                camera.MeasuredMbps is not { } measured || (double.IsFinite(measured) && measured >= 0),
                $"camera '{camera.Id}': measured bitrate must be a non-negative number of Mbit/s, got {Format(camera.MeasuredMbps ?? 0)}");
            Require(camera.StorageBytes is null or >= 0, $"camera '{camera.Id}': storage need must not be negative, got {camera.StorageBytes}");
            Require(
                camera.RetentionDepth is not { } depth || depth >= TimeSpan.Zero,
                $"camera '{camera.Id}': retention depth must not be negative, got {camera.RetentionDepth}");
            if (camera.StorageBytes is null && camera.RetentionDepth is { } retention)
            {
                double bytes = camera.BitrateMbps * 1_000_000 / 8 * retention.TotalSeconds;
                Require(bytes <= MaxStorageBytes, $"camera '{camera.Id}': bitrate × retention gives an impossible storage need ({Format(bytes)} bytes)");
            }
            else
            {
                Require(camera.StorageBytes is null or <= (long)MaxStorageBytes, $"camera '{camera.Id}': storage need {camera.StorageBytes} bytes is impossible");
            }
        }
    }

    private static bool IsFraction(double value) => value is >= 0 and <= 1;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException("Invalid placement input: " + message + ".");
        }
    }
}
