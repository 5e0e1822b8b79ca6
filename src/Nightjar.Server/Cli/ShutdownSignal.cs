using System.Runtime.InteropServices;

namespace Nightjar.Server.Cli;

/// <summary>
/// Completes on SIGINT or SIGTERM (or when the token fires) for commands that run until stopped but are not a
/// host (<c>nightjar sim</c>, <c>nightjar demo</c>'s cameras). The parser's own handler is off (see
/// <see cref="NightjarCli"/>), so without this Ctrl-C would kill them before their child processes are stopped.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private readonly CancellationTokenRegistration _token;

    public ShutdownSignal(CancellationToken cancellationToken)
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
        _token = cancellationToken.Register(() => _signalled.TrySetResult());
    }

    public Task Signalled => _signalled.Task;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _token.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // Keep the process alive: the command stops its children and exits by itself.
        context.Cancel = true;
        _signalled.TrySetResult();
    }
}
