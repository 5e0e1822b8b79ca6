namespace Nightjar.Server.Configuration;

/// <summary>Authentication settings.</summary>
internal sealed class AuthOptions : INightjarOptions
{
    public const int MinKeyLength = 16;

    public static string SectionName => "Auth";

    /// <summary>An admin API key accepted from the first start, before any key exists in the database. Never logged.</summary>
    public string? BootstrapAdminKey { get; set; }

    public void Validate(ConfigurationErrorCollector errors) => errors.Secret(nameof(BootstrapAdminKey), BootstrapAdminKey, MinKeyLength);

    public override string ToString() => $"BootstrapAdminKey={Security.SecretRedactor.Describe(BootstrapAdminKey)}";
}
