namespace Nightjar.Server.Configuration;

/// <summary>One problem with the configuration, named by its key (e.g. <c>Http:Port</c>) or by the file.</summary>
/// <remarks>The message never contains a secret value: validators describe secrets by their shape only.</remarks>
internal sealed record ConfigurationError(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
