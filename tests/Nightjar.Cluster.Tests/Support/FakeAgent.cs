using Nightjar.Cluster.Coordination;

namespace Nightjar.Cluster.Tests.Support;

/// <summary>
/// Stands in for a node's recording agent: on every assignment change it re-reads what the node owns, stops and
/// releases what it must release, starts and acknowledges what it must start. <see cref="Recording"/> is what it "records".
/// </summary>
internal sealed class FakeAgent : IAsyncDisposable
{
    private readonly AssignmentStore _store;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly HashSet<string> _recording = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private TaskCompletionSource _bell = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeAgent(NodeMembership membership, AssignmentStore store, bool acknowledgeStarts = true)
    {
        _store = store;
        AcknowledgeStarts = acknowledgeStarts;
        membership.AssignmentsChanged += () => _bell.TrySetResult();
        _loop = Task.Run(RunAsync);
    }

    /// <summary>When false the agent never reports a start (a camera that cannot be reached from this node).</summary>
    public bool AcknowledgeStarts { get; set; }

    public int Releases;

    public IReadOnlyCollection<string> Recording
    {
        get
        {
            lock (_gate)
            {
                return [.. _recording];
            }
        }
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var bell = _bell;
                await Task.WhenAny(bell.Task, Task.Delay(TimeSpan.FromMilliseconds(250), _stop.Token));
                if (bell.Task.IsCompleted)
                {
                    Interlocked.CompareExchange(ref _bell, new(TaskCreationOptions.RunContinuationsAsynchronously), bell);
                }

                await ConvergeAsync(_stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Npgsql.NpgsqlException)
            {
                // The database is unreachable for a moment (a test breaks connections): try again on the next round.
            }
        }
    }

    private async Task ConvergeAsync(CancellationToken ct)
    {
        var mine = await _store.ReadMineAsync(ct);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in mine)
        {
            switch (assignment.State)
            {
                case AssignmentState.Releasing:
                    lock (_gate)
                    {
                        _recording.Remove(assignment.CameraId);
                    }

                    if (await _store.ReleaseCompleteAsync(assignment.CameraId, assignment.Epoch, ct))
                    {
                        Interlocked.Increment(ref Releases);
                    }

                    break;
                case AssignmentState.Starting when AcknowledgeStarts:
                    lock (_gate)
                    {
                        _recording.Add(assignment.CameraId);
                    }

                    owned.Add(assignment.CameraId);
                    await _store.RecordingStartedAsync(assignment.CameraId, assignment.Epoch, ct);
                    break;
                case AssignmentState.Active:
                    lock (_gate)
                    {
                        _recording.Add(assignment.CameraId);
                    }

                    owned.Add(assignment.CameraId);
                    break;
            }
        }

        lock (_gate)
        {
            _recording.RemoveWhere(c => !owned.Contains(c));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
