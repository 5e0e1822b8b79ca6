using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>Runs real external tools (ffmpeg, ffprobe, gst-launch-1.0) with a hard deadline; missing tools fail loudly.</summary>
internal static class Tool
{
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan deadline)
    {
        using var process = Start(fileName, arguments, out var stdout, out var stderr);
        using var cts = new CancellationTokenSource(deadline);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            Kill(process);
            await process.WaitForExitAsync();
        }

        // Let the async readers drain what the process wrote before it exited.
        process.WaitForExit();
        return new ToolResult(process.ExitCode, Text(stdout), Text(stderr), timedOut);
    }

    /// <summary>Starts a long-running tool (a publisher) that the caller must dispose.</summary>
    public static RunningTool Launch(string fileName, IEnumerable<string> arguments)
    {
        var process = Start(fileName, arguments, out _, out var stderr);
        return new RunningTool(process, stderr);
    }

    public static void Kill(Process process)
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
        }
        catch (Win32Exception)
        {
        }
    }

    private static Process Start(string fileName, IEnumerable<string> arguments, out StringBuilder stdout, out StringBuilder stderr)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"'{fileName}' is required by this test and could not be started ({ex.Message}). Install it: apt-get install -y ffmpeg gstreamer1.0-tools gstreamer1.0-rtsp gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly",
                ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        stdout = output;
        stderr = errors;
        return process;
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
