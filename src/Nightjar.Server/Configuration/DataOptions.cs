namespace Nightjar.Server.Configuration;

/// <summary>The node's data directory: embedded database, state, and the default storage root.</summary>
internal sealed class DataOptions : INightjarOptions
{
    public static string SectionName => "Data";

    /// <summary>Relative paths are resolved against the working directory of the process.</summary>
    public string Path { get; set; } = "./data";

    public string GetFullPath() => System.IO.Path.GetFullPath(Path);

    public void Validate(ConfigurationErrorCollector errors) => errors.DirectoryPath(nameof(Path), Path);
}
