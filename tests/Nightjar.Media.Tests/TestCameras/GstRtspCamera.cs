using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Nightjar.Media.Tests.TestCameras;

/// <summary>
/// A real RTSP camera stand-in for tests: gst-rtsp-server through <c>/usr/bin/python3</c> and
/// <c>gst_rtsp_camera.py</c> (media.md section 6), listening on 127.0.0.1. Paths: <c>ball</c>
/// (H.264), <c>ball-h265</c>, <c>ball-alaw</c> (H.264 + PCMA), <c>ball-aac</c> (H.264 + AAC).
/// It can be paused (SIGSTOP: the TCP connections stay open and data stops, a stalled camera),
/// resumed, or killed (a dead camera). Use one instance per test class: the server has been seen
/// to abort after bursts of clients (media.md 6).
/// </summary>
public sealed class GstRtspCamera : IAsyncDisposable
{
    /// <summary>The interpreter that has the GStreamer bindings (the pyenv python3 on PATH has no gi).</summary>
    public const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private GstRtspCamera(Process process, int port, string? user, string? password)
    {
        _process = process;
        Port = port;
        User = user;
        Password = password;
    }

    public int Port { get; }

    public string? User { get; }

    public string? Password { get; }

    public int ProcessId => _process.Id;

    public bool IsPaused { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>Path of the python script next to the test assembly.</summary>
    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "TestCameras", "gst_rtsp_camera.py");

    /// <summary>
    /// Starts a camera; port 0 picks a free one. With <paramref name="user"/> set the server demands
    /// Digest (or Basic) authentication. Returns once it accepts connections.
    /// </summary>
    public static async Task<GstRtspCamera> StartAsync(
        int port = 0,
        string? user = null,
        string? password = null,
        CameraAuth auth = CameraAuth.Digest,
        CameraVideo video = default,
        TimeSpan? startTimeout = null)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is required for the GStreamer camera stand-in (apt-get install -y python3-gi gir1.2-gst-rtsp-server-1.0).");
        }

        if (!File.Exists(ScriptPath))
        {
            throw new InvalidOperationException($"The camera script is missing from the test output: {ScriptPath}");
        }

        video = video == default ? CameraVideo.Default : video;
        var info = new ProcessStartInfo(Python)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        info.ArgumentList.Add(ScriptPath);
        AddOption(info, "--port", port);
        AddOption(info, "--width", video.Width);
        AddOption(info, "--height", video.Height);
        AddOption(info, "--fps", video.Fps);
        AddOption(info, "--gop", video.GopFrames);
        AddOption(info, "--bitrate", video.BitrateKbps);
        info.ArgumentList.Add("--pattern");
        info.ArgumentList.Add(string.IsNullOrEmpty(video.Pattern) ? "ball" : video.Pattern);
        if (!string.IsNullOrEmpty(user))
        {
            info.ArgumentList.Add("--user");
            info.ArgumentList.Add(user);
            info.ArgumentList.Add("--password");
            info.ArgumentList.Add(password ?? string.Empty);
            info.ArgumentList.Add("--auth");
            info.ArgumentList.Add(auth == CameraAuth.Basic ? "basic" : "digest");
        }

        var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(startTimeout ?? TimeSpan.FromSeconds(20));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith("READY port=", StringComparison.Ordinal))
                {
                    var bound = int.Parse(line["READY port=".Length..], CultureInfo.InvariantCulture);
                    return new GstRtspCamera(process, bound, user, password);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        throw new InvalidOperationException($"The GStreamer camera did not start: {await stderr}");
    }

    /// <summary>The URL of a path; credentials are included only when asked for.</summary>
    public Uri Url(string path = "ball", bool withCredentials = false)
    {
        var userInfo = withCredentials && User is not null ? $"{Uri.EscapeDataString(User)}:{Uri.EscapeDataString(Password ?? string.Empty)}@" : string.Empty;
        return new Uri($"rtsp://{userInfo}127.0.0.1:{Port}/{path}");
    }

    /// <summary>SIGSTOP: sockets stay open but nothing flows, like a hung camera.</summary>
    public void Pause()
    {
        Signal(19);
        IsPaused = true;
    }

    /// <summary>SIGCONT.</summary>
    public void Resume()
    {
        Signal(18);
        IsPaused = false;
    }

    /// <summary>SIGKILL: the camera is gone (connections are reset).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (!_process.HasExited && NativeMethods.Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static void AddOption(ProcessStartInfo info, string name, int value)
    {
        info.ArgumentList.Add(name);
        info.ArgumentList.Add(value.ToString(CultureInfo.InvariantCulture));
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}
