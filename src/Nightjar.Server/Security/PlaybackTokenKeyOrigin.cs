namespace Nightjar.Server.Security;

/// <summary>Where <see cref="PlaybackTokenKey"/> came from.</summary>
internal enum PlaybackTokenKeyOrigin
{
    /// <summary>Derived from <c>Cluster:Key</c>: the same on every node.</summary>
    ClusterKey,

    /// <summary>Read from the data directory.</summary>
    KeyFile,

    /// <summary>Generated at this start and written to the data directory.</summary>
    CreatedKeyFile,
}
