using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Nightjar.Media.Simulation;

/// <summary>
/// Keeps one camera's ffmpeg publisher running: <c>-re -stream_loop -1 -i clip -c copy -f rtsp -rtsp_transport tcp</c>,
/// restarted with exponential backoff whenever it exits, killed (never orphaned) when the fleet stops.
/// </summary>
internal sealed partial class SimulatedPublisher(
    SimulatedCamera camera,
    string clipPath,
    Uri publishUrl,
    SimulatedCameraOptions options,
    ILogger logger,
    TimeProvider time)
{
    /// <summary>A run this long resets the backoff (the failure was not a crash loop).</summary>
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(30);

    /// <summary>Every live child of this process, killed on process exit even if nobody disposed the fleet.</summary>
    private static readonly ConcurrentDictionary<int, Process> LiveProcesses = new();

    static SimulatedPublisher()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in LiveProcesses.Values)
            {
                TryKill(process);
            }
        };
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            var exitCode = await RunOnceAsync(cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            failures = time.GetElapsedTime(started) >= StableRun ? 1 : failures + 1;
            var delay = TimeSpan.FromTicks(Math.Min(options.MaxRestartDelay.Ticks, options.RestartDelay.Ticks << Math.Min(failures - 1, 16)));
            camera.CountRestart();
            SimulatedCameraFleet.LogPublisherExited(logger, camera.Path, exitCode, delay);
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal IReadOnlyList<string> Arguments()
    {
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-loglevel", "error",
            "-re", "-stream_loop", "-1", "-i", clipPath,
            "-map", "0:v:0", "-c:v", "copy",
        };
        switch (camera.Audio)
        {
            case SimulatedAudio.Aac:
                arguments.AddRange(["-map", "0:a:0", "-c:a", "copy"]);
                break;
            case SimulatedAudio.G711:
                arguments.AddRange(["-map", "0:a:0", "-c:a", "pcm_mulaw", "-ar", "8000", "-ac", "1"]);
                break;
            default:
                arguments.Add("-an");
                break;
        }

        // TCP: the rtsp muxer defaults to UDP, which our relay does not accept for publishing.
        arguments.AddRange(["-f", "rtsp", "-rtsp_transport", "tcp", publishUrl.AbsoluteUri]);
        return arguments;
    }

    /// <summary>Runs ffmpeg until it exits (exit code) or the fleet stops (killed; -1).</summary>
    private async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(options.FfmpegPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data) && logger.IsEnabled(LogLevel.Debug))
            {
                // ffmpeg echoes the URL, which may carry the publisher's password.
                var line = CredentialsPattern().Replace(e.Data, "$1***@");
                SimulatedCameraFleet.LogPublisherOutput(logger, camera.Path, line);
            }
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            SimulatedCameraFleet.LogPublisherStartFailed(logger, ex, camera.Path, options.FfmpegPath);
            return -1;
        }

        LiveProcesses[process.Id] = process;
        camera.MarkRunning(process.Id, time.GetUtcNow());
        SimulatedCameraFleet.LogPublisherStarted(logger, camera.Path, process.Id);
        try
        {
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            TryKill(process);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed but not yet reaped; the kernel finishes it.
            }

            return -1;
        }
        finally
        {
            camera.MarkStopped();
            LiveProcesses.TryRemove(process.Id, out _);
        }
    }

    [GeneratedRegex(@"(rtsp://)[^/@\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialsPattern();

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
        catch (Win32Exception)
        {
            // Exited meanwhile or not ours to kill.
        }
    }
}
