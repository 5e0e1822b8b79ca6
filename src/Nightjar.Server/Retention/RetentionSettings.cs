using Nightjar.Recording.Policies;
using Nightjar.Recording.Retention;
using Nightjar.Server.Configuration;
using CoreRetentionOptions = Nightjar.Recording.Retention.RetentionOptions;
using RetentionSection = Nightjar.Server.Configuration.RetentionOptions;

namespace Nightjar.Server.Retention;

/// <summary>
/// The node's configuration as the retention core takes it: the <c>Retention</c> section as options, the storage roots
/// (<c>Storage:Roots:N</c>) as <see cref="RetentionRoot"/>s named by their index, as the catalog names them.
/// </summary>
internal static class RetentionSettings
{
    public static CoreRetentionOptions ToCoreOptions(RetentionSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new CoreRetentionOptions
        {
            PassInterval = section.PassInterval,
            FreeSpaceCheckInterval = section.FreeSpaceCheckInterval,
            MaxDeletionsPerPass = section.MaxDeletionsPerPass,
            MinFreeBytes = section.GetMinFreeBytes(),
            MaxMotionLength = section.MaxMotionLength,
        };
    }

    /// <summary>The effective roots in configuration order: root N is named <c>"N"</c>, the name the catalog stores.</summary>
    public static IReadOnlyList<RetentionRoot> ToRoots(StorageOptions storage, DataOptions data)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(data);
        return [.. storage.GetEffectiveRoots(data).Select((root, index) => ToRoot(index, root))];
    }

    public static RetentionRoot ToRoot(int index, StorageRootOptions root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var limit = root.GetLimit();
        return new RetentionRoot(
            index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Path.GetFullPath(root.Path!),
            limit.Bytes,
            limit.Percent,
            limit.Depth is { } depth ? DepthLimit.Of(depth) : null);
    }
}
