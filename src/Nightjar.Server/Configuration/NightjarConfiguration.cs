using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Nightjar.Server.Configuration;

/// <summary>
/// Builds the node's configuration: built-in defaults, then the JSON file given by <c>--config</c>,
/// then <c>NIGHTJAR__SECTION__KEY</c> environment variables, then in-process overrides (tests).
/// Later sources win. Nothing else is read: no appsettings.json beside the binary, no unprefixed
/// environment variables, so what configures a node is exactly what its operator wrote.
/// </summary>
internal static class NightjarConfiguration
{
    public const string EnvironmentPrefix = "NIGHTJAR__";

    /// <summary>A configuration file is hand-written; anything this large is a wrong path.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Defaults that are not options classes, overridable like any key.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // Npgsql logs every command at Information: thousands of lines a minute from feeds and heartbeats.
        ["Logging:LogLevel:Npgsql"] = "Warning",
        // The node logs its own start, listen and shutdown lines (EventIds 1000-1099).
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
    };

    /// <summary>Loads all sources; throws <see cref="ConfigurationException"/> naming the file when it cannot be used.</summary>
    public static IConfigurationRoot Load(
        string? configFile,
        IDictionary environment,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new ConfigurationBuilder().AddInMemoryCollection(Defaults);
        string? fullPath = null;
        if (configFile is not null)
        {
            fullPath = Path.GetFullPath(configFile);
            builder.AddJsonStream(new MemoryStream(ReadFile(fullPath)));
        }

        builder.AddInMemoryCollection(FromEnvironment(environment));
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidDataException)
        {
            throw new ConfigurationException(new ConfigurationError(FileKey(fullPath), DescribeJsonFailure(ex)), ex);
        }
    }

    /// <summary><c>NIGHTJAR__HTTP__PORT=8081</c> becomes <c>HTTP:PORT=8081</c> (keys are case-insensitive).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> FromEnvironment(IDictionary environment)
    {
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name
                && name.Length > EnvironmentPrefix.Length
                && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                yield return new KeyValuePair<string, string?>(key, entry.Value as string);
            }
        }
    }

    /// <summary>The environment variable that sets a key: <c>Http:Port</c> → <c>NIGHTJAR__HTTP__PORT</c>.</summary>
    public static string ToEnvironmentVariable(string key) =>
        EnvironmentPrefix + key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal).ToUpperInvariant();

    private static byte[] ReadFile(string fullPath)
    {
        var key = FileKey(fullPath);
        if (Directory.Exists(fullPath))
        {
            throw new ConfigurationException(new ConfigurationError(key, "is a directory, expected a JSON file"));
        }

        try
        {
            using var stream = File.OpenRead(fullPath);
            if (stream.Length > MaxFileBytes)
            {
                throw new ConfigurationException(new ConfigurationError(key, string.Create(CultureInfo.InvariantCulture,
                    $"is {stream.Length} bytes, larger than the {MaxFileBytes} bytes a configuration file may have")));
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigurationException(new ConfigurationError(key, "not found"), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(new ConfigurationError(key, $"cannot be read: {ex.Message}"), ex);
        }
    }

    private static string FileKey(string? fullPath) => $"config file '{fullPath}'";

    private static string DescribeJsonFailure(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (current is JsonException { LineNumber: { } line, BytePositionInLine: { } position } json)
            {
                // Keep the reader's reason but not its own "LineNumber: ..." suffix, which we rephrase.
                var reason = json.Message;
                var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
                reason = cut > 0 ? reason[..cut] : reason;
                return string.Create(CultureInfo.InvariantCulture,
                    $"is not valid JSON at line {line + 1}, position {position + 1}: {reason.Trim()}");
            }
        }

        return $"is not a valid configuration file: {ex.Message}";
    }
}
