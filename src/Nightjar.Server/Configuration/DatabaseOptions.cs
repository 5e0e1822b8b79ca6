using System.Data.Common;

namespace Nightjar.Server.Configuration;

/// <summary>
/// Where the event journal lives. Absent connection string: embedded SQLite in the data directory
/// (single node). Present: PostgreSQL (cluster), in Npgsql's <c>Key=Value;</c> form.
/// </summary>
internal sealed class DatabaseOptions : INightjarOptions
{
    public const string EmbeddedFileName = "nightjar.db";

    public static string SectionName => "Database";

    /// <summary>Secret: may hold a password. Never logged; see <see cref="Security.SecretRedactor"/>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsEmbedded => string.IsNullOrWhiteSpace(ConnectionString);

    public static string GetEmbeddedDatabasePath(DataOptions data) => System.IO.Path.Combine(data.GetFullPath(), EmbeddedFileName);

    public void Validate(ConfigurationErrorCollector errors)
    {
        if (IsEmbedded)
        {
            return;
        }

        // Parsed without echoing: the string may contain a password.
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = ConnectionString;
        }
        catch (ArgumentException)
        {
            errors.Add(nameof(ConnectionString), "is not a valid connection string (expected Key=Value pairs separated by ';', e.g. Host=db;Username=nightjar;Password=...)");
            return;
        }

        if (!builder.ContainsKey("Host") && !builder.ContainsKey("Server"))
        {
            errors.Add(nameof(ConnectionString), "must name the PostgreSQL server with Host=...");
        }
    }

    public override string ToString() =>
        IsEmbedded ? "embedded SQLite" : $"PostgreSQL ({Security.SecretRedactor.RedactConnectionString(ConnectionString!)})";
}
