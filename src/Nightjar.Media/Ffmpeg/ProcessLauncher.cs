using System.Collections.Concurrent;
using System.Diagnostics;

namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// Starts every child process from one dedicated thread that lives as long as the host.
/// </summary>
/// <remarks>
/// Why: the parent-death signal (<c>setpriv --pdeathsig KILL</c>) that kills ffmpeg when the node
/// dies is tied to the THREAD that forked the child, not to the process. .NET forks on the calling
/// thread, and thread-pool threads retire when idle, which would kill healthy children at random.
/// Measured without it: after a SIGKILL of the host ffmpeg kept recording as an orphan, because
/// the runtime ignores SIGPIPE and that disposition is inherited, so the closed progress pipe does
/// not stop it.
/// </remarks>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<Request> Requests = [];
    private static readonly Thread Worker = StartWorker();

    public static Task<Process> StartAsync(ProcessStartInfo info)
    {
        _ = Worker;
        var request = new Request(info, new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously));
        Requests.Add(request);
        return request.Completion.Task;
    }

    private static Thread StartWorker()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "nightjar-process-launcher" };
        thread.Start();
        return thread;
    }

    private static void Run()
    {
        foreach (var request in Requests.GetConsumingEnumerable())
        {
            var process = new Process { StartInfo = request.Info };
            try
            {
                process.Start();
                request.Completion.SetResult(process);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                process.Dispose();
                request.Completion.SetException(ex);
            }
        }
    }

    private sealed record Request(ProcessStartInfo Info, TaskCompletionSource<Process> Completion);
}
