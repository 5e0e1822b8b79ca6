using Nightjar.Actors.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Signals;

/// <summary>
/// One camera's signals (persistence id <c>signals/{camera}</c>): folds reports into alarm and device events once per
/// state change, and into one motion window. While a window is open, two timers run: one closes it at the maximum
/// motion length, one checks that the camera still exists. Both are re-armed after recovery, so a window left open
/// by a stopped node is closed by the next one.
/// </summary>
internal sealed partial class SignalActor : PersistentActor<SignalActor.IMessage, SignalState>
{
    private const string MaxDurationTimer = "max-duration";
    private const string SourceCheckTimer = "source-check";

    private readonly SignalServices _services;
    private readonly CameraId _camera;

    public SignalActor(SignalServices services, CameraId camera)
        : base(services.EventStore, PersistenceIdOf(camera), SignalState.Empty(camera))
    {
        _services = services;
        _camera = camera;
    }

    /// <summary>The actor's protocol.</summary>
    public interface IMessage;

    public static string PersistenceIdOf(CameraId camera) => "signals/" + camera.Value;

    protected override SignalState ApplyEvent(SignalState state, object @event) => state.Apply(@event);

    protected override IReadOnlyList<string> GetTags(object @event) => JournalNames.TagsOf(@event);

    protected override ValueTask StartedAsync()
    {
        if (State.Window is { } window)
        {
            LogRecoveredOpen(_services.Logger, _camera.Value, window.Start);
        }

        ArmTimers();
        return ValueTask.CompletedTask;
    }

    protected override ValueTask StoppedAsync()
    {
        _services.Metrics.WindowOpen(_camera, open: false);
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask ReceiveAsync(IMessage message)
    {
        switch (message)
        {
            case Report report:
                Context.Respond(await ReportAsync(report.Signal));
                return;
            case MaxDurationReached reached when State.Window?.Start == reached.Start:
                await CloseAsync(reached.Start + _services.Options.MaxMotionLength, MotionStopReason.MaxDuration);
                return;
            case CheckSource when State.Window is not null && !_services.Cameras.Registry.Contains(_camera):
                await CloseAsync(Context.TimeProvider.GetUtcNow(), MotionStopReason.SourceLost);
                return;
            case GetState:
                Context.Respond(State);
                return;
        }
    }

    private async Task<SignalOutcome> ReportAsync(CameraSignal signal)
    {
        // A device clock running ahead must not open windows in the future: retention would protect the wrong minutes.
        var now = Context.TimeProvider.GetUtcNow();
        var at = signal.At > now ? now : signal.At;
        var events = State.Plan(signal, at);
        if (events.Count == 0)
        {
            LogDuplicate(_services.Logger, signal.Source, signal.Type, signal.State, _camera.Value, at);
            return SignalOutcome.Duplicate;
        }

        await PersistAndTrackAsync(events);
        LogRecorded(_services.Logger, signal.Source, signal.Type, signal.State, _camera.Value, at);
        return SignalOutcome.Recorded;
    }

    private Task CloseAsync(DateTimeOffset at, MotionStopReason reason)
    {
        var window = State.Window!;
        return PersistAndTrackAsync([new MotionStopped(_camera, window.Start, at > window.Start ? at : window.Start, reason)]);
    }

    private async Task PersistAndTrackAsync(IReadOnlyList<object> events)
    {
        await PersistAsync(events);
        _services.Observer?.Written(PersistenceId, LastSequenceNr);
        foreach (var @event in events)
        {
            switch (@event)
            {
                case MotionStarted started:
                    LogMotionStarted(_services.Logger, _camera.Value, started.At, started.Source, started.Type);
                    break;
                case MotionStopped stopped:
                    _services.Metrics.WindowClosed(stopped.Reason);
                    LogMotionStopped(_services.Logger, _camera.Value, stopped.StartedAt, stopped.At, stopped.Reason);
                    break;
            }
        }

        ArmTimers();
    }

    private void ArmTimers()
    {
        _services.Metrics.WindowOpen(_camera, State.Window is not null);
        if (State.Window is not { } window)
        {
            Context.Timers.Cancel(MaxDurationTimer);
            Context.Timers.Cancel(SourceCheckTimer);
            return;
        }

        var due = window.Start + _services.Options.MaxMotionLength - Context.TimeProvider.GetUtcNow();
        if (due > TimeSpan.Zero)
        {
            Context.Timers.StartSingleTimer(MaxDurationTimer, new MaxDurationReached(window.Start), due);
        }
        else
        {
            // Overdue already (recovered after a long stop, or a device time far back): close it next.
            Context.Timers.Cancel(MaxDurationTimer);
            Context.Self.Tell(new MaxDurationReached(window.Start));
        }

        if (!Context.Timers.IsTimerActive(SourceCheckTimer))
        {
            Context.Timers.StartPeriodicTimer(SourceCheckTimer, CheckSource.Instance, _services.Options.SourceCheckInterval);
        }
    }

    /// <summary>Asked: answers a <see cref="SignalOutcome"/> once the events are journaled.</summary>
    public sealed record Report(CameraSignal Signal) : IMessage;

    /// <summary>Asked: answers the current <see cref="SignalState"/> (tests, and a recovery barrier).</summary>
    public sealed record GetState : IMessage
    {
        public static GetState Instance { get; } = new();
    }

    private sealed record MaxDurationReached(DateTimeOffset Start) : IMessage;

    private sealed record CheckSource : IMessage
    {
        public static CheckSource Instance { get; } = new();
    }
}
