namespace Nightjar.IntegrationTests.Retention;

/// <summary>The recording files under a storage root, as relative '/'-separated paths (the catalog's form).</summary>
internal static class StorageFiles
{
    public static IReadOnlySet<string> Under(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.ts", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
}
