using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Nightjar.Server.Tests.Support;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// One streamer node of the test cluster: a real <c>nightjar node run</c> on loopback with fixed free ports (its
/// Node:PublicUrl and Node:RtspUrl must name them), its own data directory, and the settings the harness gives it as
/// <c>NIGHTJAR__SECTION__KEY</c> variables. It can be SIGKILLed, SIGTERMed and started again over the same data
/// directory (a new incarnation); the output of every run is kept for the failure report.
/// </summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly StringBuilder _previousRuns = new();
    private int _runs;
    private bool _started;

    public ClusterNode(string id, string dataPath, IReadOnlyDictionary<string, string> settings)
    {
        Id = id;
        DataPath = dataPath;
        HttpPort = FreePort.Next();
        RtspPort = FreePort.Next();
        Url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{HttpPort}");
        RtspUrl = string.Create(CultureInfo.InvariantCulture, $"rtsp://127.0.0.1:{RtspPort}");
        _settings = settings;
        Api = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(15) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ClusterHarness.AdminKey);
    }

    public string Id { get; }

    public string DataPath { get; }

    public int HttpPort { get; }

    public int RtspPort { get; }

    public string Url { get; }

    public string RtspUrl { get; }

    /// <summary>Admin-authenticated client for this node's HTTP API.</summary>
    public HttpClient Api { get; }

    /// <summary>The current run; null before the first start.</summary>
    public NightjarProcess? Process { get; private set; }

    /// <summary>Started by the test and not exited (a drained node may leave on its own).</summary>
    public bool IsRunning => _started && !HasExited();

    /// <summary>Every run's output so far, the current one last.</summary>
    public string AllOutput => _previousRuns + (Process?.AllOutput ?? string.Empty);

    /// <summary>Starts a run and returns once it listens and <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (_started && !HasExited())
        {
            throw new InvalidOperationException($"Node {Id} is already running.");
        }

        if (Process is not null)
        {
            _previousRuns.Append(CultureInfo.InvariantCulture, $"===== {Id} run {_runs} =====\n").Append(Process.AllOutput);
            await Process.DisposeAsync();
        }

        _runs++;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _settings.Concat(AddressSettings()))
        {
            // Case kept: section names are case-insensitive, but label names (Node:Labels:site) are data.
            environment["NIGHTJAR__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        Directory.CreateDirectory(DataPath);
        Process = NightjarProcess.Start(DataPath, environment, "node", "run");
        _started = true;
        var started = Stopwatch.GetTimestamp();
        var listening = new Regex("listening on .*" + Regex.Escape(Url), RegexOptions.CultureInvariant);
        try
        {
            await Process.WaitForOutputAsync(listening, timeout);
        }
        catch (InvalidOperationException)
        {
            // It exited: waiting for the exit also drains the redirected output, so the message shows why.
            var exitCode = await Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
            throw new InvalidOperationException($"Node {Id} exited with {exitCode} while starting:\n{Tail(Process.AllOutput)}");
        }

        var rest = timeout - Stopwatch.GetElapsedTime(started);
        await ClusterWait.UntilAsync(
            IsReadyOrExitedAsync,
            rest > TimeSpan.FromSeconds(5) ? rest : TimeSpan.FromSeconds(5),
            () => $"node {Id} to answer /health/ready with 200; output:\n{Tail(Process.AllOutput)}");
        if (HasExited())
        {
            throw new InvalidOperationException($"Node {Id} exited while starting:\n{Tail(Process.AllOutput)}");
        }
    }

    /// <summary>The settings that name this node's fixed ports (the same on every run, so its URLs stay valid).</summary>
    public IReadOnlyDictionary<string, string> AddressSettings() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Http:Port"] = HttpPort.ToString(CultureInfo.InvariantCulture),
        ["Rtsp:Port"] = RtspPort.ToString(CultureInfo.InvariantCulture),
        ["Node:PublicUrl"] = Url,
        ["Node:RtspUrl"] = RtspUrl,
    };

    /// <summary>SIGKILL: no drain, no flush; waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        var process = Process ?? throw new InvalidOperationException($"Node {Id} never ran.");
        await SignalAsync(process.Id, "KILL");
        await process.WaitForExitAsync(TimeSpan.FromSeconds(15));
        _started = false;
    }

    /// <summary>SIGTERM, then waits for the exit (the node drains first) and returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        var process = Process ?? throw new InvalidOperationException($"Node {Id} never ran.");
        await process.TerminateAsync();
        var exitCode = await process.WaitForExitAsync(timeout);
        _started = false;
        return exitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        _started = false;
    }

    /// <summary>The last lines of an output, enough for a failure message.</summary>
    public static string Tail(string output, int lines = 60)
    {
        var all = output.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private async Task<bool> IsReadyOrExitedAsync()
    {
        if (HasExited())
        {
            return true;
        }

        try
        {
            using var probe = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(3) };
            using var response = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private bool HasExited()
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(Process!.Id);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = System.Diagnostics.Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString(CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        kill.ExitCode.Should().Be(0, $"kill -{signal} must reach the node process");
    }
}
