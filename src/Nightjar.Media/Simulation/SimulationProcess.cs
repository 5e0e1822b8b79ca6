using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Nightjar.Media.Simulation;

/// <summary>Runs a short-lived tool (the clip encoder) to completion, keeping the tail of its stderr.</summary>
internal static class SimulationProcess
{
    private const int MaxErrorChars = 2000;

    public static async Task<(int ExitCode, string Errors)> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                    if (errors.Length > MaxErrorChars)
                    {
                        errors.Remove(0, errors.Length - MaxErrorChars);
                    }
                }
            }
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Cannot start '{fileName}': {ex.Message}. Is ffmpeg installed (apt-get install -y ffmpeg)?", ex);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (errors)
        {
            return (process.ExitCode, errors.ToString().Trim());
        }
    }
}
