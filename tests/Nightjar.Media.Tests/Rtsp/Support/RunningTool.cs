using System.Diagnostics;
using System.Text;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>A background external process, killed on dispose so no ffmpeg outlives its test.</summary>
internal sealed class RunningTool(Process process, StringBuilder stderr) : IAsyncDisposable
{
    public Process Process { get; } = process;

    public bool HasExited => Process.HasExited;

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>SIGKILL, like a crash.</summary>
    public async Task KillAsync()
    {
        Tool.Kill(Process);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
    }
}
