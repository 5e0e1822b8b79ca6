using Nightjar.Media.Hls;
using Nightjar.Recording.Runtime.Archive;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>The stream's state for readers: replaced as a whole after every change, never mutated.</summary>
internal sealed partial class StreamActor
{
    private void SetState(StreamState state)
    {
        if (_state != state)
        {
            _state = state;
            _since = Now;
        }

        _dirty = true;
    }

    private void Publish()
    {
        _dirty = false;
        var open = _run?.Open;
        SegmentView? openView = null;
        if (open is { Start: { } start } && _run is { } run)
        {
            var index = open.Tailer.Current;
            openView = new SegmentView(open.RelativePath, new HlsSegment(open.Key, run.RunId, start, index.Gops), start + index.DurationTime);
        }

        var target = (int)Math.Max(_services.Options.LiveTargetDurationSeconds, (_maxGopClock + Media.Ts.GopEntry.ClockRate - 1) / Media.Ts.GopEntry.ClockRate);
        _services.Snapshots.Publish(new StreamSnapshot(
            _camera,
            Name,
            ++_version,
            _state,
            _since,
            _state == StreamState.Recording ? _bitrate.Kbps() : null,
            _restarts,
            _lastError,
            _run?.RunId,
            State.LastSegmentEnd,
            _live.Chunks,
            target,
            open?.Key,
            openView,
            [.. _recentClosed]));
    }
}
