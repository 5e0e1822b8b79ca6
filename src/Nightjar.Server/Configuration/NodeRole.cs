namespace Nightjar.Server.Configuration;

/// <summary>What a node does; one process may hold several roles.</summary>
internal enum NodeRole
{
    /// <summary>Records and serves cameras.</summary>
    Streamer,

    /// <summary>Links child sites into a hierarchy.</summary>
    Supervisor,
}
