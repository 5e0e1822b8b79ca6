using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Nightjar.Server.Tests.Support;

/// <summary>
/// The real built <c>nightjar</c> executable as a child process (<c>dotnet nightjar.dll ...</c>), for what
/// only a process shows: exit codes, signals, stdout/stderr. Kills its own process if the test leaves it running.
/// </summary>
internal sealed class NightjarProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();

    private NightjarProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The project reference copies the server's build next to the test assembly.</summary>
    public static string DllPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "nightjar.dll");
            return File.Exists(path) && File.Exists(Path.Combine(AppContext.BaseDirectory, "nightjar.runtimeconfig.json"))
                ? path
                : throw new FileNotFoundException($"The nightjar executable was not found beside the tests ({path}); build tests/Nightjar.Server.Tests.");
        }
    }

    public int Id => _process.Id;

    public string StandardOutput
    {
        get
        {
            lock (_lock)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    public string AllOutput => StandardOutput + StandardError;

    public static NightjarProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Hermetic: nothing from the test runner's environment configures the node.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("NIGHTJAR__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("OTEL_", StringComparison.Ordinal)
                || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal))
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var wrapper = new NightjarProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.Append(wrapper._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.Append(wrapper._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Runs to completion and returns the exit code (the output is then complete).</summary>
    public static async Task<(int ExitCode, NightjarProcess Process)> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var process = Start(workingDirectory, environment, args);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, process);
    }

    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout)
    {
        Match? match = null;
        await Wait.UntilAsync(
            () => (match = pattern.Match(StandardOutput)).Success || _process.HasExited,
            timeout,
            $"output matching {pattern}; output so far:\n{AllOutput}");
        return match is { Success: true }
            ? match
            : throw new InvalidOperationException($"nightjar exited with {_process.ExitCode} before printing {pattern}:\n{AllOutput}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            // Also waits for the redirected streams to reach end of file, so the output is complete.
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"nightjar did not exit within {timeout.TotalSeconds} s; output:\n{AllOutput}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as Kubernetes and systemd stop a process.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        kill.ExitCode.Should().Be(0, "kill -TERM must reach the node process");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            target.AppendLine(line);
        }
    }
}
