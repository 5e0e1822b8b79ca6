using System.Diagnostics;
using System.Text;

namespace Nightjar.Server.Tests.Playback;

/// <summary>Runs ffmpeg or ffprobe with a hard deadline; a missing tool fails the test with a clear message.</summary>
internal static class ToolRun
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
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

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{program} is not installed; these tests need it (apt-get install -y ffmpeg).", ex);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', info.ArgumentList)} ran longer than {timeout.TotalSeconds} s.");
            }

            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>ffprobe's value of one entry (<c>format=duration</c>, <c>stream=width,height</c>) as plain text.</summary>
    public static async Task<string> ProbeAsync(string input, string entries, params string[] extra)
    {
        var result = await RunAsync(
            "ffprobe",
            ["-v", "error", .. extra, "-show_entries", entries, "-of", "default=noprint_wrappers=1:nokey=1", input],
            TimeSpan.FromSeconds(60));
        result.ExitCode.Should().Be(0, result.StandardError);
        return result.StandardOutput.Trim();
    }

    /// <summary>Decodes an input completely; returns ffmpeg's error output and the frames it decoded.</summary>
    public static async Task<(string Errors, int Frames)> DecodeAsync(string input)
    {
        var result = await RunAsync(
            "ffmpeg",
            ["-hide_banner", "-nostdin", "-v", "error", "-i", input, "-map", "0:v:0", "-f", "null", "-progress", "pipe:1", "-"],
            TimeSpan.FromSeconds(90));
        var frames = 0;
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            if (line.StartsWith("frame=", StringComparison.Ordinal))
            {
                frames = int.Parse(line.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var errors = new StringBuilder(result.StandardError.Trim());
        if (result.ExitCode != 0)
        {
            errors.Append(" (exit code ").Append(result.ExitCode).Append(')');
        }

        return (errors.ToString(), frames);
    }
}
