namespace Nightjar.Server.Configuration;

/// <summary>
/// An options section bound from configuration and validated before the node starts.
/// Validation lives next to the data so the key names in errors cannot drift from the properties.
/// </summary>
internal interface INightjarOptions
{
    /// <summary>The configuration section, e.g. <c>Http</c> (environment: <c>NIGHTJAR__HTTP__...</c>).</summary>
    static abstract string SectionName { get; }

    /// <summary>Adds one error per invalid value; keys are full paths such as <c>Http:Port</c>.</summary>
    void Validate(ConfigurationErrorCollector errors);
}
