namespace Nightjar.Cluster.Coordination;

/// <summary>The outcome of asking a node to drain.</summary>
public enum DrainRequestResult
{
    /// <summary>No live incarnation of that node.</summary>
    NotFound,

    /// <summary>It is already leaving.</summary>
    AlreadyLeaving,

    /// <summary>It is leaving now; the coordinator moves its cameras away.</summary>
    Accepted,
}
