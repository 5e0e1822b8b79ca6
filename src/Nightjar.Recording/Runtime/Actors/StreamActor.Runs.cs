using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Segments;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Ingest;
using Nightjar.Recording.Runtime.Recovery;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>Runs: one per ffmpeg start, from its directory to its <c>StreamStarted</c> and <c>SourceClosed</c>.</summary>
internal sealed partial class StreamActor
{
    /// <summary>Runs in a row that never delivered media before the state says failed rather than reconnecting.</summary>
    private const int FailedAfterRuns = 3;

    private async Task OnRunPreparedAsync(PreparedRun prepared)
    {
        if (_run is { } stale)
        {
            // Its exit was never seen (cannot happen with one supervisor loop, but its files must not be orphaned).
            _run = null;
            await FinishRunAsync(stale, SourceCloseReason.Failed, lastError: null);
        }

        _run = new RunContext(prepared, Now);
        _bitrate.Reset();
        SetState(StreamState.Starting);
    }

    private void OnRunStarted(RunStarted started)
    {
        if (_run is not { } run || run.Run != started.Run)
        {
            return;
        }

        _restarts = started.Run - 1;
        _dirty = true;
        LogRunStarted(_logger, _camera.Value, Name, run.RunId, started.ProcessId);
    }

    private async Task OnRunProgressAsync(RunProgress progress)
    {
        if (_run is not { } run || run.Run != progress.Run || run.Recording || progress.Progress.Frame <= 0)
        {
            return;
        }

        var now = Now;
        run.Recording = true;
        run.LastGrowthAt = now;
        run.LastGopAt = now;
        _failedRuns = 0;
        SetState(StreamState.Recording);
        await PersistAsync(new StreamStarted(_camera, Name, run.RunId, now));
        run.Started = true;
        LogMediaFlows(_logger, _camera.Value, Name, run.RunId);
    }

    private async Task OnRunExitedAsync(RunExited exited)
    {
        var reason = CloseReason(exited);
        var error = Redact(exited.LastError);
        if (_run is { } run && run.Run == exited.Run)
        {
            _run = null;
            if (!run.Recording)
            {
                _failedRuns++;
            }

            await FinishRunAsync(run, reason, error);
        }
        else
        {
            _failedRuns++;
        }

        _lastError = error ?? _lastError;
        if (exited.RestartDelay is not { } delay)
        {
            return;
        }

        _services.Metrics.Restarted(_camera.Value, Name, RestartTag(exited.Reason));
        SetState(_failedRuns >= FailedAfterRuns ? StreamState.Failed : StreamState.Reconnecting);
        LogRunEnded(_logger, _camera.Value, Name, exited.Run, reason, exited.ExitCode, delay.TotalSeconds, error ?? "(none)");
    }

    /// <summary>Records every file the run left, journals its end, and drops its directory when it recorded nothing.</summary>
    private async Task FinishRunAsync(RunContext run, SourceCloseReason reason, string? lastError)
    {
        try
        {
            // The process is gone, so every file is final; repair cuts a packet a kill may have split.
            foreach (var entry in run.List.Poll())
            {
                await CloseFileAsync(run, entry.FileName, repair: true);
            }

            if (run.Open is { } open)
            {
                await CloseFileAsync(run, open.Name, repair: true);
            }

            foreach (var name in UnclosedFiles(run))
            {
                await CloseFileAsync(run, name, repair: true);
            }

            if (run.Started)
            {
                await PersistAsync(new SourceClosed(_camera, Name, run.RunId, Now, reason, lastError));
            }

            if (run.FilesRecorded == 0)
            {
                StreamRecovery.RemoveIfEmpty(run.FullDirectory);
            }
        }
        finally
        {
            run.Dispose();
            _dirty = true;
        }
    }

    private void RequestRestart(RunContext run, string why)
    {
        run.RestartRequested = true;
        LogRestartRequested(_logger, _camera.Value, Name, run.RunId, why);
        _supervisor?.RequestRestart(why);
    }

    private string? Redact(string? error)
    {
        if (string.IsNullOrWhiteSpace(error))
        {
            return null;
        }

        var redacted = RedactedUrl.InText(UrlRedactor.RedactText(error, _secrets), _secrets);
        return redacted.Length > SourceClosed.MaxErrorLength ? redacted[..SourceClosed.MaxErrorLength] : redacted;
    }

    private static SourceCloseReason CloseReason(RunExited exited) => exited.Reason switch
    {
        RunExitReason.Exited when exited.ExitCode == 0 => SourceCloseReason.Ended,
        RunExitReason.Stalled or RunExitReason.RestartRequested => SourceCloseReason.Stalled,
        RunExitReason.Stopped => SourceCloseReason.Stopped,
        _ => SourceCloseReason.Failed,
    };

    private static string RestartTag(RunExitReason reason) => reason switch
    {
        RunExitReason.Exited => "exited",
        RunExitReason.Stalled => "stalled",
        RunExitReason.RestartRequested => "file_stalled",
        RunExitReason.StartFailed => "start_failed",
        _ => "stopped",
    };

    private static IEnumerable<string> UnclosedFiles(RunContext run) =>
        SegmentFileNames(run.FullDirectory).Where(n => !run.Closed.Contains(n));

    /// <summary>Segment file names of a run directory in the order ffmpeg wrote them.</summary>
    private static IEnumerable<string> SegmentFileNames(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*" + SegmentPathScheme.Extension)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => n.Length is > 3 and <= 15 && n[..^3].All(char.IsAsciiDigit))
            .OrderBy(n => n.Length)
            .ThenBy(n => n, StringComparer.Ordinal);
    }
}
