namespace Nightjar.Recording.Access;

/// <summary>What <see cref="ApiKeyBootstrap.Run"/> decided.</summary>
public enum ApiKeyBootstrapStatus
{
    /// <summary>Keys exist already; nothing to do (a configured bootstrap key is ignored).</summary>
    NotNeeded,

    /// <summary>The configured key becomes the first admin key; persist the event, print nothing.</summary>
    FromConfiguration,

    /// <summary>No key was configured: persist the event and print the generated key once.</summary>
    Generated,

    /// <summary>The configured key is unusable; stop with the error, naming the configuration key.</summary>
    InvalidConfiguredKey,
}
