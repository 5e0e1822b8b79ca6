using System.Diagnostics;

namespace Nightjar.Media.Tests.TestCameras;

/// <summary>Runs ffmpeg, ffprobe and friends for tests; fails (never skips) when a tool is missing.</summary>
public static class ToolRunner
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Throws with a clear message when <paramref name="program"/> is not on PATH.</summary>
    public static string Require(string program)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"'{program}' is required by this test but is not installed (apt-get install -y ffmpeg; ./nightjar test installs it).");
    }

    /// <summary>Runs a program to completion; kills it and throws when it outlives <paramref name="timeout"/>.</summary>
    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, byte[]? standardInput = null)
    {
        Require(program);
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}: {string.Join(' ', info.ArgumentList)}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>ffprobe's format duration of a file or playlist.</summary>
    public static async Task<double> ProbeDurationAsync(string input)
    {
        var result = await RunAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", input], TimeSpan.FromSeconds(30));
        result.ExitCode.Should().Be(0, result.StandardError);
        return double.Parse(result.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes <paramref name="input"/> fully (<c>ffmpeg -v error -i input -f null -</c>); returns the error lines and the decoded frames.</summary>
    public static async Task<(string Errors, int Frames)> DecodeAsync(string input, params string[] inputOptions)
    {
        string[] arguments = ["-hide_banner", "-nostdin", "-v", "error", .. inputOptions, "-i", input, "-map", "0:v:0", "-f", "null", "-progress", "pipe:1", "-"];
        var result = await RunAsync("ffmpeg", arguments, TimeSpan.FromSeconds(60));
        result.ExitCode.Should().Be(0, result.StandardError);
        var frames = result.StandardOutput.Split('\n')
            .Where(l => l.StartsWith("frame=", StringComparison.Ordinal))
            .Select(l => int.Parse(l[6..], System.Globalization.CultureInfo.InvariantCulture))
            .LastOrDefault();
        return (result.StandardError.Trim(), frames);
    }
}
