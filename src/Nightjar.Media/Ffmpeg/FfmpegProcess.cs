using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// One running ffmpeg (or any program that writes ffmpeg-style <c>-progress</c> on stdout): reads
/// its progress blocks, keeps its last stderr lines (redacted), and stops it with SIGTERM, then
/// SIGKILL after a grace. Disposing kills it, so no process outlives its owner.
/// </summary>
public sealed partial class FfmpegProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly FfmpegCommand _command;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<FfmpegProgress>? _onProgress;
    private readonly FfmpegProgressParser _parser = new();
    private readonly bool _ownGroup;
    private readonly Task _stdout;
    private readonly Task _stderr;
    private FfmpegProgress? _lastProgress;

    private FfmpegProcess(Process process, FfmpegCommand command, FfmpegProcessOptions options, TimeProvider time, ILogger logger, Action<FfmpegProgress>? onProgress)
    {
        _process = process;
        _command = command;
        _time = time;
        _logger = logger;
        _onProgress = onProgress;
        _ownGroup = options.NewProcessGroup;
        Stderr = new StderrTail(options.StderrLines);
        StartedAt = time.GetUtcNow();
        Id = process.Id;
        _stdout = Task.Run(PumpStdoutAsync);
        _stderr = Task.Run(PumpStderrAsync);
        Exited = WaitForExitAsync();
    }

    public int Id { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>The newest progress block, null before the first one.</summary>
    public FfmpegProgress? LastProgress => Volatile.Read(ref _lastProgress);

    /// <summary>The last stderr lines, redacted.</summary>
    public StderrTail Stderr { get; }

    /// <summary>The last non-blank stderr line: usually why ffmpeg exited.</summary>
    public string? LastError => Stderr.LastLine();

    /// <summary>Completes with the exit code (128 + signal when killed) once the process exited and its output was read.</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    /// <summary>Starts <paramref name="command"/>. Throws <see cref="FileNotFoundException"/> when the program is not installed.</summary>
    /// <param name="command">The program and its arguments.</param>
    /// <param name="options">How to start it; defaults when null.</param>
    /// <param name="timeProvider">Clock for the stop grace; the system clock when null.</param>
    /// <param name="logger">Receives the redacted stderr at Debug level.</param>
    /// <param name="onProgress">Called on a pool thread for every progress block; keep it short and non-blocking.</param>
    public static async Task<FfmpegProcess> StartAsync(
        FfmpegCommand command,
        FfmpegProcessOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        Action<FfmpegProgress>? onProgress = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        options ??= new FfmpegProcessOptions();
        logger ??= NullLogger.Instance;
        var process = await ProcessLauncher.StartAsync(StartInfo(command, options));
        process.StandardInput.Close(); // ffmpeg must never wait on a terminal
        var started = new FfmpegProcess(process, command, options, timeProvider ?? TimeProvider.System, logger, onProgress);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var display = command.ToDisplayString();
            LogStarted(logger, started.Id, display);
        }

        return started;
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited after <paramref name="grace"/>.</summary>
    public async Task<ProcessStopOutcome> StopAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        if (HasExited)
        {
            return ProcessStopOutcome.AlreadyExited;
        }

        if (grace > TimeSpan.Zero && Signal(PosixSignals.Terminate))
        {
            try
            {
                await Exited.WaitAsync(grace, _time, cancellationToken);
                return ProcessStopOutcome.Terminated;
            }
            catch (TimeoutException)
            {
                LogKillAfterGrace(_logger, Id, grace);
            }
        }

        Kill();
        await Exited.WaitAsync(cancellationToken);
        return ProcessStopOutcome.Killed;
    }

    /// <summary>SIGKILL now (to the whole process group when it has one).</summary>
    public void Kill()
    {
        if (!Signal(PosixSignals.Kill))
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it exited in between
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            Kill();
            await Exited;
        }

        _process.Dispose();
    }

    private bool Signal(int signal)
    {
        if (!PosixSignals.IsSupported || HasExitedUnreaped() is not false)
        {
            return false;
        }

        // A negative pid addresses the process group: ffmpeg and anything it spawned.
        return PosixSignals.Send(_ownGroup ? -Id : Id, signal);
    }

    // After the runtime reaped the child its pid may be reused: never signal it then.
    private bool? HasExitedUnreaped()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        try
        {
            // The pipes close with the process; a grandchild holding them must not hold us.
            await Task.WhenAll(_stdout, _stderr).WaitAsync(TimeSpan.FromSeconds(2), _time);
        }
        catch (TimeoutException)
        {
            LogOutputNotDrained(_logger, Id);
        }

        var code = _process.ExitCode;
        LogExited(_logger, Id, code, LastError);
        return code;
    }

    private async Task PumpStdoutAsync()
    {
        var reader = _process.StandardOutput;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (_parser.Feed(line) is not { } progress)
            {
                continue;
            }

            Volatile.Write(ref _lastProgress, progress);
            try
            {
                _onProgress?.Invoke(progress);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogProgressCallbackFailed(_logger, Id, ex);
            }
        }
    }

    private async Task PumpStderrAsync()
    {
        var reader = _process.StandardError;
        while (await reader.ReadLineAsync() is { } line)
        {
            var redacted = UrlRedactor.RedactText(line, _command.SensitiveValues);
            Stderr.Add(redacted);
            LogStderr(_logger, Id, redacted);
        }
    }

    private static ProcessStartInfo StartInfo(FfmpegCommand command, FfmpegProcessOptions options)
    {
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };

        // Each wrapper execs the next in place, so the pid stays the one of the program.
        var chain = new List<string>();
        if (options.KillWithOwner)
        {
            chain.AddRange([FfmpegProcessOptions.SetprivPath, "--pdeathsig", "KILL"]);
        }

        if (options.NewProcessGroup)
        {
            chain.Add(FfmpegProcessOptions.SetsidPath); // leader of a new group: signals reach its children too
        }

        chain.Add(ResolveProgram(command.FileName));
        info.FileName = chain[0];
        foreach (var argument in chain.Skip(1).Concat(command.Arguments))
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static string ResolveProgram(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(fileName) ? fileName : throw new FileNotFoundException($"Program not found: {fileName}", fileName);
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Program not found on PATH: {fileName} (is it installed?)", fileName);
    }
}
