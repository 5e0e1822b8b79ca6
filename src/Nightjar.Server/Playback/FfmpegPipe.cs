using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Nightjar.Server.Playback;

/// <summary>
/// One short-lived ffmpeg that reads TS on stdin and writes its result on stdout (an MP4 export, a JPEG snapshot).
/// Disposing kills it if it still runs. It cannot outlive a crashed node for long: its stdin closes with the node,
/// so it reaches the end of its input and exits.
/// </summary>
internal sealed class FfmpegPipe : IAsyncDisposable
{
    /// <summary>The program; found on PATH (the Debian package installs it in /usr/bin).</summary>
    public const string DefaultPath = "ffmpeg";

    private const int StderrTailChars = 2048;

    private readonly Process _process;
    private readonly Task _stderrPump;
    private readonly StringBuilder _stderr = new();

    private FfmpegPipe(Process process)
    {
        _process = process;
        Id = process.Id;
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public int Id { get; }

    /// <summary>ffmpeg's stdin: write TS, then <see cref="CloseInput"/>.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>ffmpeg's stdout.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>The last stderr characters (<c>-loglevel error</c>: why it failed). Holds no secrets: the input is a pipe.</summary>
    public string StderrTail
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString().Trim();
            }
        }
    }

    /// <summary>Starts ffmpeg with <paramref name="arguments"/> (no shell).</summary>
    /// <exception cref="Win32Exception">ffmpeg is not installed.</exception>
    public static FfmpegPipe Start(string program, IEnumerable<string> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        return new FfmpegPipe(process);
    }

    /// <summary>Ends ffmpeg's input; it finishes what it read and exits.</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // ffmpeg exited already and the pipe is broken: nothing left to close.
        }
    }

    /// <summary>The exit code once ffmpeg exited and its stderr was read.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        await _stderrPump.WaitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // it exited in between
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        CloseInput();
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10), TimeProvider.System);
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // A process that ignores SIGKILL for 10 s is the kernel's problem; do not hang the request on it.
        }

        _process.Dispose();
    }

    private async Task PumpStderrAsync()
    {
        var buffer = new char[512];
        var reader = _process.StandardError;
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (_stderr)
            {
                _stderr.Append(buffer, 0, read);
                if (_stderr.Length > StderrTailChars)
                {
                    _stderr.Remove(0, _stderr.Length - StderrTailChars);
                }
            }
        }
    }
}
