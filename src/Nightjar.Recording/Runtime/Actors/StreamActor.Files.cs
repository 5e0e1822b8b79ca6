using Nightjar.Media.Segments;
using Nightjar.Media.Ts;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Archive;
using Nightjar.Recording.Runtime.Ingest;
using MediaGop = Nightjar.Media.Ts.GopEntry;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>The files of the current run: tailing the open one, closing the ones ffmpeg is done with, health.</summary>
internal sealed partial class StreamActor
{
    /// <summary>Polls without growth after which the directory is listed for a newer file (a rotation the list has not shown yet).</summary>
    private const int IdlePollsBeforeListing = 4;

    /// <summary>A tick's own journal writes normally take milliseconds; longer, and the stream was not watching.</summary>
    private static readonly TimeSpan BlindTimeTolerance = TimeSpan.FromSeconds(1);

    private async Task OnTickAsync()
    {
        if (_run is not { } run)
        {
            return;
        }

        var now = Now;
        var tickStarted = now;

        // ffmpeg lists a file when it moves to the next one, and then the tailed file stops growing: while it grows
        // there is nothing to read in the list (at 25 fps it grows every 40 ms, well within one tail interval).
        if (run.Open is null || run.IdlePolls > 0)
        {
            foreach (var entry in run.List.Poll())
            {
                await CloseFileAsync(run, entry.FileName, repair: false);
            }
        }

        await FollowNewestFileAsync(run);

        // Closing files journals them, which can take seconds while the database restarts: the receipt time of what
        // the open file holds now is after those awaits. A time read before them re-anchored the run clock by the
        // wait, a hole and an overlap in the index.
        now = Now;
        ForgiveBlindTime(run, now - tickStarted);
        if (run.Open is { } open)
        {
            PollOpen(run, open, now);
        }

        _bitrate.Sample(now, run.ClosedBytes + (run.Open?.Length ?? 0));
        CheckHealth(run, now);
    }

    /// <summary>Finds the file ffmpeg writes: the newest one not closed yet; older unclosed ones are done.</summary>
    private async Task FollowNewestFileAsync(RunContext run)
    {
        if (run.Open is not null && run.IdlePolls < IdlePollsBeforeListing)
        {
            return;
        }

        var unclosed = UnclosedFiles(run).ToList();
        if (unclosed.Count == 0 || string.Equals(unclosed[^1], run.Open?.Name, StringComparison.Ordinal))
        {
            return;
        }

        foreach (var finished in unclosed.Take(unclosed.Count - 1))
        {
            await CloseFileAsync(run, finished, repair: false);
        }

        if (run.Open is { } previous)
        {
            await CloseFileAsync(run, previous.Name, repair: false);
        }

        var name = unclosed[^1];
        var relative = run.RelativeDirectory + "/" + name;
        var key = SegmentKey.FromRelativePath(relative)?.ToString() ?? throw new InvalidOperationException($"'{relative}' is not a segment path.");
        run.Open = new OpenSegment(name, relative, Path.Combine(run.FullDirectory, name), key);
        run.IdlePolls = 0;
        _dirty = true;
    }

    private void PollOpen(RunContext run, OpenSegment open, DateTimeOffset now)
    {
        IReadOnlyList<MediaGop> completed;
        try
        {
            completed = open.Tailer.Poll();
        }
        catch (Exception error) when (error is IOException or InvalidDataException or TsFormatException or UnauthorizedAccessException)
        {
            LogTailFailed(_logger, open.RelativePath, error);
            run.IdlePolls++;
            return;
        }

        var index = open.Tailer.Current;
        if (index.IndexedLength > open.Length)
        {
            open.Length = index.IndexedLength;
            run.LastGrowthAt = now;
            run.IdlePolls = 0;
            _dirty = true;
        }
        else
        {
            run.IdlePolls++;
        }

        if (open.Start is null && index.FirstPts is { } first)
        {
            BeginFileClock(run, open, index, first, now);
        }

        foreach (var gop in completed)
        {
            AppendLive(run, open, gop, now);
        }
    }

    /// <summary>Puts a file on the run's clock at its first keyframe; the run's first keyframe anchors the run.</summary>
    private void BeginFileClock(RunContext run, OpenSegment open, TsFileIndex index, long firstPts, DateTimeOffset now)
    {
        open.PtsOffset = run.Clock.BeginFile(firstPts);
        var first = firstPts + open.PtsOffset;
        if (!run.Clock.IsAnchored)
        {
            // What is in the file arrived over the last index.Duration: the first keyframe arrived that long ago.
            run.Clock.AnchorAt(first, now - index.DurationTime);
            LogAnchored(_logger, _camera.Value, Name, run.RunId, run.Clock.Anchor);
        }
        else if (run.Clock.Reanchor(first + index.Duration, now) is { } drift)
        {
            LogReanchored(_logger, _camera.Value, Name, run.RunId, drift.TotalMilliseconds);
        }

        open.Start = run.Clock.WallTime(first);
        _dirty = true;
    }

    private void AppendLive(RunContext run, OpenSegment open, MediaGop gop, DateTimeOffset now)
    {
        var pts = gop.Pts + open.PtsOffset;
        _live.Append(open.Key, run.RunId, run.Clock.WallTime(pts), gop);
        run.Clock.Observe(pts + gop.Duration);
        run.LastGopAt = now;
        open.LiveGops++;
        _maxGopClock = Math.Max(_maxGopClock, gop.Duration);
        _dirty = true;
    }

    /// <summary>
    /// ffmpeg is done with a file: index it completely (repairing a packet cut by a kill), fsync file and directory,
    /// then journal it. A file without a keyframe holds nothing playable and is removed.
    /// </summary>
    private async Task CloseFileAsync(RunContext run, string name, bool repair)
    {
        if (!run.Closed.Add(name))
        {
            return;
        }

        var full = Path.Combine(run.FullDirectory, name);
        var relative = run.RelativeDirectory + "/" + name;
        var open = string.Equals(run.Open?.Name, name, StringComparison.Ordinal) ? run.Open : null;
        if (open is not null)
        {
            run.Open = null;
        }

        TsFileIndex index;
        try
        {
            if (open is not null && !repair)
            {
                index = open.Tailer.Complete();
            }
            else
            {
                open?.Dispose();
                index = repair ? SegmentRepair.Repair(full).Index : TsIndexer.IndexFile(full);
            }
        }
        catch (Exception error) when (error is IOException or TsFormatException or UnauthorizedAccessException or InvalidDataException)
        {
            // Left on disk: the start-up reconciliation retries it (and reports it if it stays unreadable).
            open?.Dispose();
            LogIndexFailed(_logger, relative, error);
            return;
        }

        var gops = index.AllGops;
        if (gops.Count == 0)
        {
            File.Delete(full);
            FileDurability.FlushDirectory(run.FullDirectory);
            _services.Metrics.Lost(_camera.Value, Name, "empty");
            LogEmptyDropped(_logger, relative, index.IndexedLength);
            return;
        }

        var (start, offset) = StartOf(run, open, index, gops[0].Pts);
        if (open is not null)
        {
            // The last GOP completes only now (the next keyframe is in the next file): it joins the live window.
            for (var i = open.LiveGops; i < gops.Count; i++)
            {
                AppendLive(run, open, gops[i], Now);
            }
        }
        else
        {
            run.Clock.Observe(gops[^1].Pts + offset + gops[^1].Duration);
        }

        FileDurability.FlushFileAndDirectory(full);
        var recorded = SegmentEvents.Recorded(_camera, Name, run.RunId, relative, start, index, _services.Options.NodeId);
        await PersistAsync(recorded);
        run.ClosedBytes += recorded.Bytes;
        run.FilesRecorded++;
        _services.Metrics.SegmentRecorded(_camera.Value, Name, recorded.Bytes);
        Remember(recorded);
        LogSegmentRecorded(_logger, relative, recorded.Duration.TotalSeconds, recorded.Bytes, recorded.Gops.Count);
    }

    /// <summary>Wall time of a closing file's first keyframe: known when it was tailed, otherwise from the run clock.</summary>
    private (DateTimeOffset Start, long PtsOffset) StartOf(RunContext run, OpenSegment? open, TsFileIndex index, long firstPts)
    {
        if (open?.Start is { } start)
        {
            return (start, open.PtsOffset);
        }

        var offset = run.Clock.BeginFile(firstPts);
        if (open is not null)
        {
            open.PtsOffset = offset;
        }

        if (!run.Clock.IsAnchored)
        {
            // Never tailed (it closed within one tail interval): it just ended, so it began its duration ago.
            run.Clock.AnchorAt(firstPts + offset, Now - index.DurationTime);
        }

        return (run.Clock.WallTime(firstPts + offset), offset);
    }

    private void Remember(SegmentRecorded recorded)
    {
        var key = SegmentKey.FromRelativePath(recorded.Path)!.Value.ToString();
        var segment = new Media.Hls.HlsSegment(key, recorded.RunId, recorded.Start, GopConversion.ToChunks(recorded.Gops, recorded.Bytes));
        _recentClosed.Add(new SegmentView(recorded.Path, segment, recorded.End));
        if (_recentClosed.Count > RecentClosedKept)
        {
            _recentClosed.RemoveAt(0);
        }

        _dirty = true;
    }

    /// <summary>
    /// Time this stream spent journaling (seconds to minutes while the database is away) is time it could not watch its
    /// files: ffmpeg went on writing, unobserved. It must not count as a stall, or the first look afterwards restarts a
    /// healthy ffmpeg and cuts the recording; a real stall is still seen within the timeouts after the wait.
    /// </summary>
    private static void ForgiveBlindTime(RunContext run, TimeSpan blind)
    {
        if (blind <= BlindTimeTolerance)
        {
            return;
        }

        run.LastGrowthAt += blind;
        run.LastGopAt += blind;
    }

    private void CheckHealth(RunContext run, DateTimeOffset now)
    {
        if (!run.Recording || run.RestartRequested || now - run.PreparedAt < _services.Options.Supervisor.StartGrace)
        {
            return;
        }

        // media.md 7.1: a file that stops growing, or no keyframe for 3 GOPs + 10 s, is a stall ffmpeg may not see.
        var gop = TimeSpan.FromTicks(Math.Max(MediaGop.FromClock(_maxGopClock).Ticks, TimeSpan.FromSeconds(2).Ticks));
        if (now - run.LastGrowthAt > _services.Options.FileStallTimeout)
        {
            RequestRestart(run, "the recording file stopped growing");
        }
        else if (now - run.LastGopAt > (3 * gop) + TimeSpan.FromSeconds(10))
        {
            RequestRestart(run, "no keyframe arrived for three GOPs and 10 s");
        }
    }
}
