namespace Nightjar.Server.Configuration;

/// <summary>Cluster membership settings. The cluster itself is on when Database:ConnectionString names PostgreSQL.</summary>
internal sealed class ClusterOptions : INightjarOptions
{
    public const int MinKeyLength = 16;

    public static string SectionName => "Cluster";

    /// <summary>Secret shared by the nodes of a site to authenticate their internal calls. Never logged.</summary>
    public string? Key { get; set; }

    public void Validate(ConfigurationErrorCollector errors) => errors.Secret(nameof(Key), Key, MinKeyLength);

    public override string ToString() => $"Key={Security.SecretRedactor.Describe(Key)}";
}
