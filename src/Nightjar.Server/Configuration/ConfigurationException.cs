namespace Nightjar.Server.Configuration;

/// <summary>The configuration cannot be loaded or is invalid; the process must not start.</summary>
internal sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<ConfigurationError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    public ConfigurationException(ConfigurationError error, Exception? innerException = null)
        : base(error.ToString(), innerException)
    {
        Errors = [error];
    }

    public IReadOnlyList<ConfigurationError> Errors { get; }
}
