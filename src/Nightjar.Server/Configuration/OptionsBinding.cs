using System.Text.RegularExpressions;
using Nightjar.Server.Security;

namespace Nightjar.Server.Configuration;

/// <summary>Binds option sections one by one, turning binder failures and unknown keys into <see cref="ConfigurationError"/>s.</summary>
internal sealed partial class OptionsBinding(IConfiguration configuration, List<ConfigurationError> errors)
{
    private readonly List<string> _boundSections = [];

    public T Bind<T>()
        where T : class, INightjarOptions, new()
    {
        _boundSections.Add(T.SectionName);
        var section = configuration.GetSection(T.SectionName);
        var options = new T();
        var before = errors.Count;
        UnknownKeyDetector.Check(section, T.SectionName, typeof(T), errors);
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(FromBinderFailure(ex));
        }

        if (errors.Count == before)
        {
            var collector = new ConfigurationErrorCollector(T.SectionName);
            options.Validate(collector);
            errors.AddRange(collector.Errors);
        }

        return options;
    }

    public void RejectUnknownSections(IReadOnlyList<string> foreignSections)
    {
        foreach (var child in configuration.GetChildren())
        {
            if (!_boundSections.Contains(child.Key, StringComparer.OrdinalIgnoreCase)
                && !foreignSections.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new ConfigurationError(child.Key,
                    $"is not a known section (known: {string.Join(", ", _boundSections)}, {string.Join(", ", foreignSections)})"));
            }
        }
    }

    /// <summary>
    /// The binder reports "Failed to convert configuration value at 'Http:Port' to type 'System.Int32'."
    /// without the value (it could be a secret); we add it back unless the key is secret.
    /// </summary>
    private ConfigurationError FromBinderFailure(InvalidOperationException ex)
    {
        var match = BinderFailure().Match(ex.Message);
        if (!match.Success)
        {
            return new ConfigurationError("configuration", ex.Message);
        }

        var key = match.Groups["key"].Value;
        var value = SecretRedactor.RedactValue(key, configuration[key]);
        var expected = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" or "System.Decimal" or "System.Single" => "a number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 00:00:30",
            var other => $"a value of type {other}",
        };
        return new ConfigurationError(key, $"must be {expected} (got '{value}')");
    }

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex BinderFailure();
}
