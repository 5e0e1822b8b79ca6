namespace Nightjar.Cluster.Tests.Support;

/// <summary>The coordinator's camera callback: a list the test edits.</summary>
internal sealed class CameraRegistry
{
    private readonly object _gate = new();
    private List<PlacementCamera> _cameras = [];

    public CameraRegistry(IEnumerable<PlacementCamera>? cameras = null)
    {
        if (cameras is not null)
        {
            _cameras = [.. cameras];
        }
    }

    public void Set(IEnumerable<PlacementCamera> cameras)
    {
        lock (_gate)
        {
            _cameras = [.. cameras];
        }
    }

    public Task<IReadOnlyList<PlacementCamera>> ReadAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PlacementCamera>>([.. _cameras]);
        }
    }
}
