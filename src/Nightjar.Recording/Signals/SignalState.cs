using System.Collections.Immutable;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Signals;

/// <summary>
/// What one camera's signal actor knows: the last accepted report per <see cref="SignalKey"/> and the open motion
/// window. A pure fold of the journaled events (<see cref="Apply"/>), so recovery rebuilds it exactly; <see cref="Plan"/>
/// decides which events a new report stands for.
/// </summary>
internal sealed record SignalState(CameraId CameraId, ImmutableDictionary<SignalKey, SignalKeyState> Keys, OpenMotion? Window)
{
    public static SignalState Empty(CameraId cameraId) => new(cameraId, ImmutableDictionary<SignalKey, SignalKeyState>.Empty, null);

    /// <summary>Whether any motion-like condition is going on.</summary>
    public bool AnyMotionActive => Keys.Values.Any(static k => k.Active && k.IsMotion);

    public SignalState Apply(object @event) => @event switch
    {
        CameraAlarm alarm => WithReport(SignalKey.Of(alarm.Source, alarm.Type, null, null), alarm.State, alarm.IsMotion, alarm.At),
        CameraEventReported reported => WithReport(
            SignalKey.Of(reported.Source, reported.Type, reported.Region, reported.Channel), reported.State, reported.IsMotion, reported.At),
        MotionStarted started => this with { Window = new OpenMotion(started.At, started.Source, started.Type) },
        // The source went away: whatever it last said is void, so a camera added again starts from silence.
        MotionStopped { Reason: MotionStopReason.SourceLost } stopped when Window?.Start == stopped.StartedAt =>
            this with { Window = null, Keys = ImmutableDictionary<SignalKey, SignalKeyState>.Empty },
        MotionStopped stopped when Window?.Start == stopped.StartedAt => this with { Window = null },
        _ => this,
    };

    /// <summary>
    /// The events <paramref name="signal"/> stands for, taken to happen at <paramref name="at"/>; empty when it repeats
    /// the current state of its key or arrives out of order (a duplicate).
    /// </summary>
    public IReadOnlyList<object> Plan(CameraSignal signal, DateTimeOffset at)
    {
        var key = SignalKey.Of(signal.Source, signal.Type, signal.Region, signal.Channel);
        if (IsDuplicate(key, signal.State, at))
        {
            return [];
        }

        object report = SignalSources.IsAlarmSource(signal.Source)
            ? new CameraAlarm(CameraId, signal.Type, signal.State, at, signal.Source, signal.IsMotion)
            : new CameraEventReported(CameraId, signal.Type, signal.State, at, signal.Source, signal.Region, signal.Target, signal.Channel, signal.IsMotion);
        if (!signal.IsMotion)
        {
            return [report];
        }

        var after = Apply(report);
        return (signal.State, Window) switch
        {
            (AlarmState.Active, null) => [report, new MotionStarted(CameraId, at, signal.Source, signal.Type)],
            (AlarmState.Inactive, { } window) when !after.AnyMotionActive =>
                [report, new MotionStopped(CameraId, window.Start, after.StopTime(window, at), MotionStopReason.Stopped)],
            (AlarmState.Pulse, null) =>
                [report, new MotionStarted(CameraId, at, signal.Source, signal.Type), new MotionStopped(CameraId, at, at, MotionStopReason.Momentary)],
            _ => [report],
        };
    }

    private bool IsDuplicate(SignalKey key, AlarmState state, DateTimeOffset at)
    {
        if (!Keys.TryGetValue(key, out var last))
        {
            // A condition never seen active cannot end.
            return state == AlarmState.Inactive;
        }

        return at < last.LastAt
            || (state == AlarmState.Active && last.Active)
            || (state == AlarmState.Inactive && !last.Active)
            || (state == AlarmState.Pulse && last.LastWasPulse && at == last.LastAt);
    }

    private SignalState WithReport(SignalKey key, AlarmState state, bool isMotion, DateTimeOffset at)
    {
        var active = state switch
        {
            AlarmState.Active => true,
            AlarmState.Inactive => false,
            _ => Keys.TryGetValue(key, out var last) && last.Active,
        };
        return this with { Keys = Keys.SetItem(key, new SignalKeyState(active, isMotion, at, state == AlarmState.Pulse)) };
    }

    /// <summary>
    /// The end of a window closed by a report at <paramref name="at"/>: never before its start, and not before the last
    /// motion report (one condition may end before another that kept the window open, with reports out of order).
    /// </summary>
    private DateTimeOffset StopTime(OpenMotion window, DateTimeOffset at)
    {
        var end = at > window.Start ? at : window.Start;
        foreach (var state in Keys.Values)
        {
            if (state.IsMotion && state.LastAt > end)
            {
                end = state.LastAt;
            }
        }

        return end;
    }
}
