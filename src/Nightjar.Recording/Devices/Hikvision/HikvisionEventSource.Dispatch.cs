using Nightjar.Recording.Events;
using Nightjar.Recording.Signals;

namespace Nightjar.Recording.Devices.Hikvision;

internal sealed partial class HikvisionEventSource
{
    /// <summary>Counts, logs and delivers what one read produced, in stream order. True when an event or heartbeat was among it.</summary>
    private async Task<bool> HandleItemsAsync(IReadOnlyList<AlertItem> items, HashSet<ParseErrorKind> errorsLogged, CancellationToken cancellationToken)
    {
        var sawEvent = false;
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case AlertItemKind.Event:
                    sawEvent = true;
                    await HandleEventAsync(item.Event!, cancellationToken);
                    break;
                case AlertItemKind.Image:
                    KeepImage(item);
                    break;
                case AlertItemKind.Error:
                    Interlocked.Increment(ref _parseErrors);
                    var tag = TagOf(item.Error);
                    _metrics.ParseError(Kind, tag);
                    // The first of each kind per connection is a warning; a device that keeps sending it only at debug.
                    if (errorsLogged.Add(item.Error))
                    {
                        LogParseError(_logger, _endpoint.DisplayUrl, tag, item.Detail ?? tag);
                    }
                    else
                    {
                        LogParseErrorRepeated(_logger, _endpoint.DisplayUrl, tag, item.Detail ?? tag);
                    }

                    break;
            }
        }

        return sawEvent;
    }

    private async Task HandleEventAsync(DeviceEvent deviceEvent, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        _metrics.EventReceived(Kind, HikvisionEventTypes.TagOf(deviceEvent.EventType));
        if (HikvisionEventTypes.IsHeartbeat(deviceEvent))
        {
            Interlocked.Increment(ref _heartbeats);
            if (!_endpoint.ReportHeartbeats)
            {
                return;
            }
        }
        else
        {
            Interlocked.Increment(ref _eventsReceived);
            Interlocked.Exchange(ref _lastEventTicks, now.UtcTicks);
        }

        var cameras = CamerasOf(deviceEvent.Channel);
        if (cameras.IsDefaultOrEmpty)
        {
            Drop("unclaimed_channel");
            LogUnclaimed(_logger, _endpoint.DisplayUrl, deviceEvent.EventType, deviceEvent.Channel);
            return;
        }

        // A device clock far from ours would put motion windows at the wrong place in the archive: use arrival time.
        var at = deviceEvent.At is { } deviceTime && (deviceTime - now).Duration() <= _options.MaxClockSkew ? deviceTime : now;
        foreach (var camera in cameras)
        {
            var signal = new CameraSignal(
                camera,
                Kind,
                deviceEvent.EventType,
                deviceEvent.State,
                at,
                HikvisionEventTypes.IsMotion(deviceEvent.EventType),
                deviceEvent.Region,
                deviceEvent.Target,
                deviceEvent.Channel);
            await DeliverAsync(signal, cancellationToken);
        }
    }

    private async Task DeliverAsync(CameraSignal signal, CancellationToken cancellationToken)
    {
        try
        {
            if (await _sink.ReportAsync(signal, cancellationToken) == SignalOutcome.UnknownCamera)
            {
                Drop("unknown_camera");
            }

            _sinkFailing = false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing pipeline must not take the device connection down; the event is counted as dropped.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Drop("sink_error");
            if (!_sinkFailing)
            {
                _sinkFailing = true;
                LogSinkFailed(_logger, _endpoint.DisplayUrl, ex.GetType().Name, ex.Message);
            }
        }
    }

    private System.Collections.Immutable.ImmutableArray<Cameras.CameraId> CamerasOf(int? channel)
    {
        var channels = Volatile.Read(ref _channels);
        if (channel is { } number)
        {
            return channels.GetValueOrDefault(number);
        }

        // Events without a channel (device-wide ones on some firmware) belong to the device's only camera, if it has one.
        return channels.Count == 1 && channels.Values[0].Length == 1 ? channels.Values[0] : default;
    }

    private void KeepImage(AlertItem item)
    {
        var channel = item.Channel ?? (Volatile.Read(ref _channels) is { Count: 1 } only ? only.Keys[0] : 0);
        _images[channel] = new DeviceImage(item.Image!, _time.GetUtcNow());
    }

    private void Drop(string reason)
    {
        Interlocked.Increment(ref _dropped);
        _metrics.Dropped(Kind, reason);
    }

    private static string TagOf(ParseErrorKind kind) => kind switch
    {
        ParseErrorKind.Xml => "xml",
        ParseErrorKind.Json => "json",
        ParseErrorKind.Boundary => "boundary",
        ParseErrorKind.Truncated => "truncated",
        _ => "oversized",
    };
}
