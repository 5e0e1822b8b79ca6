using System.Globalization;

namespace Nightjar.Server.Configuration;

/// <summary>Collects validation errors for one section, prefixing keys with the section path.</summary>
internal sealed class ConfigurationErrorCollector(string sectionPath)
{
    private readonly List<ConfigurationError> _errors = [];

    public string SectionPath { get; } = sectionPath;

    public IReadOnlyList<ConfigurationError> Errors => _errors;

    public string KeyOf(string property) => $"{SectionPath}:{property}";

    public void Add(string property, string message) => _errors.Add(new ConfigurationError(KeyOf(property), message));

    /// <summary>Validates a nested object (e.g. <c>Node:Capacity</c> or <c>Storage:Roots:0</c>) under this section.</summary>
    public ConfigurationErrorCollector Nested(string property) => new(KeyOf(property));

    public void AddFrom(ConfigurationErrorCollector nested) => _errors.AddRange(nested.Errors);

    public void Port(string property, int value)
    {
        if (value is < 0 or > 65535)
        {
            Add(property, string.Create(CultureInfo.InvariantCulture,
                $"must be between 1 and 65535, or 0 for a free port chosen at start (got {value})"));
        }
    }

    public void Range(string property, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            Add(property, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (got {value})"));
        }
    }

    /// <summary>Checks that a directory path is present and usable; returns false when it is not.</summary>
    public bool DirectoryPath(string property, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(property, "must be set to a directory");
            return false;
        }

        if (value.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            Add(property, "contains characters that are not allowed in a path");
            return false;
        }

        return true;
    }

    public void AbsoluteHttpUrl(string property, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Add(property, $"must be an absolute http:// or https:// URL (got '{Security.SecretRedactor.RedactUrl(value)}')");
        }
    }

    /// <summary>Checks a secret's shape without ever echoing it.</summary>
    public void Secret(string property, string? value, int minimumLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < minimumLength)
        {
            Add(property, string.Create(CultureInfo.InvariantCulture,
                $"must be at least {minimumLength} characters long (got {value.Length} characters)"));
        }
        else if (value.Any(char.IsWhiteSpace))
        {
            Add(property, "must not contain white space");
        }
    }
}
