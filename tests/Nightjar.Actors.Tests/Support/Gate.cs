namespace Nightjar.Actors.Tests.Support;

/// <summary>Holds an actor inside a handler until the test opens it: the way to make messages queue up deterministically.</summary>
internal sealed class Gate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    /// <summary>Called by the actor: signals that it is inside, then waits for the test (or cancellation).</summary>
    public async ValueTask PassAsync(CancellationToken cancellationToken = default)
    {
        _entered.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
    }

    public void Open() => _open.TrySetResult();
}
