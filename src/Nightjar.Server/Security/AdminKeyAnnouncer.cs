namespace Nightjar.Server.Security;

/// <summary>
/// Shows a generated bootstrap admin key to the operator ONCE, on standard output and never through the logger
/// (logs are shipped and kept; the first start's stdout is read by a person). The demo command can read
/// <see cref="GeneratedKey"/> for its banner, and register its own instance (e.g. over <see cref="TextWriter.Null"/>)
/// so the key is not printed twice.
/// </summary>
internal sealed class AdminKeyAnnouncer(TextWriter output)
{
    public const string Prefix = "Admin API key (shown once): ";

    private volatile string? _generatedKey;

    /// <summary>The key generated at this start, or null (keys existed, or the key came from configuration).</summary>
    public string? GeneratedKey => _generatedKey;

    public void Announce(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _generatedKey = key;
        output.WriteLine(Prefix + key);
        output.Flush();
    }
}
