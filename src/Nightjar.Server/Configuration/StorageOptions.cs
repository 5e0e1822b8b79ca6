namespace Nightjar.Server.Configuration;

/// <summary>Storage roots for recordings (<c>Storage:Roots:0:Path</c>, <c>Storage:Roots:0:Limit</c>, ...).</summary>
internal sealed class StorageOptions : INightjarOptions
{
    public const string DefaultRootDirectory = "recordings";

    public static string SectionName => "Storage";

    public List<StorageRootOptions> Roots { get; set; } = [];

    /// <summary>The configured roots, or one root <c>{Data:Path}/recordings</c> limited to 90% when none is configured.</summary>
    public IReadOnlyList<StorageRootOptions> GetEffectiveRoots(DataOptions data) =>
        Roots.Count > 0
            ? Roots
            : [new StorageRootOptions { Path = System.IO.Path.Combine(data.Path, DefaultRootDirectory) }];

    public void Validate(ConfigurationErrorCollector errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Roots.Count; i++)
        {
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var root = Roots[i];
            var nested = errors.Nested($"Roots:{index}");
            root.Validate(nested);
            errors.AddFrom(nested);

            if (nested.Errors.All(e => !e.Key.EndsWith(":Path", StringComparison.Ordinal)) && root.Path is not null)
            {
                var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root.Path));
                if (seen.TryGetValue(full, out var first))
                {
                    errors.Add($"Roots:{index}:Path", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"is the same directory as Storage:Roots:{first}:Path ('{root.Path}')"));
                }
                else
                {
                    seen[full] = i;
                }
            }
        }
    }
}
