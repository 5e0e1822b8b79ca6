namespace Nightjar.Server.Configuration;

/// <summary>What a node declares it can take, used by placement. Zero means "not declared": no limit from this value.</summary>
internal sealed class NodeCapacityOptions
{
    public double IngestMbps { get; set; }

    public int Cameras { get; set; }

    public double StorageGb { get; set; }

    public void Validate(ConfigurationErrorCollector errors)
    {
        errors.Range(nameof(IngestMbps), IngestMbps, 0, 1_000_000);
        errors.Range(nameof(Cameras), Cameras, 0, 100_000);
        errors.Range(nameof(StorageGb), StorageGb, 0, 1_000_000_000);
    }
}
