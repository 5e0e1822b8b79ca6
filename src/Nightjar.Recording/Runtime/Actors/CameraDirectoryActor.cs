using Microsoft.Extensions.Logging;
using Nightjar.Actors;
using Nightjar.Actors.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>
/// The cameras (persistence id <c>cameras</c>): validates each command against the registry (duplicate id, unknown
/// id), journals the event, publishes the new <see cref="CameraRegistry"/>, then starts, updates or stops one
/// <see cref="CameraActor"/> per enabled camera this node owns (<see cref="ICameraOwnership"/>). Commands are handled
/// one at a time, so checks and writes never race here. A stopped camera's actor must have terminated before the same
/// id can record again.
/// </summary>
/// <remarks>
/// In a cluster every node runs this actor over the same persistence id, and other nodes append to it. Events are
/// therefore appended at <c>LastSequenceNr</c> and applied by reading the journal back (<c>CatchUpAsync</c>), never
/// through <c>PersistAsync</c>: a write that loses the race (<see cref="ConcurrencyConflictException"/>) catches up,
/// validates again and retries once, and a failed command fails only its ask, not the actor (a restart would restart
/// every camera of the node). <see cref="RecordingEngineOptions.RegistryRefreshInterval"/> catches up periodically.
/// </remarks>
internal sealed partial class CameraDirectoryActor : PersistentActor<CameraDirectoryActor.IMessage, CameraRegistry>
{
    private const string RefreshTimer = "refresh";

    private readonly RecordingServices _services;
    private readonly RegistryHolder _registry;
    private readonly ILogger _logger;
    private readonly Dictionary<CameraId, Running> _running = [];
    private readonly Dictionary<CameraId, IActorRef> _stopping = [];

    public CameraDirectoryActor(RecordingServices services, RegistryHolder registry)
        : base(services.EventStore, JournalNames.CamerasPersistenceId, CameraRegistry.Empty)
    {
        _services = services;
        _registry = registry;
        _logger = services.LoggerFactory.CreateLogger<CameraDirectoryActor>();
    }

    /// <summary>The directory's protocol; commands are asked and answered with a <see cref="Runtime.CameraCommandResult"/>.</summary>
    public interface IMessage;

    protected override SupervisorStrategy? SupervisorStrategy => ChildSupervision.Forever;

    protected override CameraRegistry ApplyEvent(CameraRegistry state, object @event) => state.Apply((IRecordingEvent)@event);

    protected override IReadOnlyList<string> GetTags(object @event) => JournalNames.TagsOf(@event);

    protected override ValueTask StartedAsync()
    {
        _registry.Publish(State);
        LogRecovered(_logger, State.Count, State.Version);
        Reconcile();
        if (_services.Options.RegistryRefreshInterval is { } interval)
        {
            Context.Timers.StartPeriodicTimer(RefreshTimer, new RefreshTick(), interval);
        }

        return ValueTask.CompletedTask;
    }

    protected override async ValueTask ReceiveAsync(IMessage message)
    {
        switch (message)
        {
            case GetRegistry:
                Context.Respond(State);
                return;
            case OwnershipChanged:
                Reconcile();
                return;
            case RefreshTick:
                try
                {
                    await CatchUpAndApplyAsync();
                }
                catch (Exception error) when (error is not OperationCanceledException || !Context.Aborted.IsCancellationRequested)
                {
                    // The database may be restarting: the next tick tries again, and the cameras keep recording.
                    LogRefreshFailed(_logger, error);
                }

                return;
            case Refresh:
                await ReplyAsync(CatchUpAndApplyAsync);
                return;
            case ICommand command:
                await ReplyAsync(() => ExecuteAsync(command));
                return;
        }
    }

    protected override ValueTask OnTerminatedAsync(Terminated terminated)
    {
        foreach (var id in _stopping.Where(s => ReferenceEquals(s.Value, terminated.Actor)).Select(s => s.Key).ToList())
        {
            _stopping.Remove(id);
        }

        foreach (var id in _running.Where(r => ReferenceEquals(r.Value.Actor, terminated.Actor)).Select(r => r.Key).ToList())
        {
            _running.Remove(id);
        }

        Reconcile();
        return ValueTask.CompletedTask;
    }

    /// <summary>Answers the current ask with <paramref name="work"/>'s result or its failure; the actor carries on either way.</summary>
    private async Task ReplyAsync<T>(Func<Task<T>> work)
    {
        var reply = Context.DeferReply();
        try
        {
            reply.Respond(await work());
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            reply.Fail(error);
        }
    }

    private async Task<CameraCommandResult> ExecuteAsync(ICommand command)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (refusal, @event, result) = Decide(command);
            if (refusal is not null)
            {
                return refusal;
            }

            try
            {
                await _services.EventStore.AppendAsync(PersistenceId, LastSequenceNr, [new EventToPersist(@event!, GetTags(@event!))], Context.Aborted);
            }
            catch (ConcurrencyConflictException) when (attempt == 0)
            {
                // Another node changed the cameras since this one last read them: decide again on the latest registry.
                LogConflict(_logger, @event!.GetType().Name, @event.CameraId.Value, LastSequenceNr);
                await CatchUpAndApplyAsync();
                continue;
            }

            await CatchUpAndApplyAsync();
            LogChanged(_logger, @event!.GetType().Name, @event.CameraId.Value, State.Version);
            return CameraCommandResult.Ok(command is Remove ? result! : State.Find(@event.CameraId) ?? result!);
        }
    }

    /// <summary>The refusal, or the event to journal and the definition to answer with.</summary>
    private (CameraCommandResult? Refusal, ICameraEvent? Event, CameraDefinition? Result) Decide(ICommand command)
    {
        switch (command)
        {
            case Add add when State.Contains(add.Camera.Id):
                return (CameraCommandResult.Conflict($"Camera '{add.Camera.Id}' already exists."), null, null);
            case Add add:
                var added = CameraAdded.Create(add.Camera, _services.Protector);
                return (null, added, State.Apply(added).Find(add.Camera.Id));
            case Replace replace when !State.Contains(replace.Camera.Id):
                return (CameraCommandResult.NotFound($"Camera '{replace.Camera.Id}' does not exist."), null, null);
            case Replace replace:
                var updated = CameraUpdated.Create(replace.Camera, _services.Protector);
                return (null, updated, State.Apply(updated).Find(replace.Camera.Id));
            case Remove remove when !State.Contains(remove.Id):
                return (CameraCommandResult.NotFound($"Camera '{remove.Id}' does not exist."), null, null);
            case Remove remove:
                return (null, new CameraRemoved(remove.Id), State.Find(remove.Id));
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown camera command.");
        }
    }

    /// <summary>Applies what the journal has beyond <c>LastSequenceNr</c> (this node's writes and other nodes'), then publishes and reconciles.</summary>
    private async Task<int> CatchUpAndApplyAsync()
    {
        var applied = await CatchUpAsync();
        if (applied > 0)
        {
            _registry.Publish(State);
            LogCaughtUp(_logger, applied, State.Count, State.Version);
            Reconcile();
        }

        return applied;
    }

    private void Reconcile()
    {
        var ownership = _services.Ownership;
        var wanted = State.Cameras.Where(c => c.Enabled && ownership.Owns(c.Id)).ToDictionary(c => c.Id);
        foreach (var (id, running) in _running.ToList())
        {
            if (!wanted.TryGetValue(id, out var next))
            {
                LogCameraStopping(_logger, id.Value);
                running.Actor.Stop();
                _running.Remove(id);
                _stopping[id] = running.Actor;
            }
            else if (!ReferenceEquals(next, running.Definition))
            {
                running.Actor.Tell(new CameraActor.Update(next));
                _running[id] = running with { Definition = next };
            }
        }

        foreach (var (id, camera) in wanted)
        {
            if (_running.ContainsKey(id) || _stopping.ContainsKey(id))
            {
                continue;
            }

            var actor = Context.Spawn(id.Value, () => new CameraActor(_services, camera));
            Context.Watch(actor);
            _running[id] = new Running(actor, camera);
        }

        // A stopping camera still counts: its streams journal their last files before its actor terminates.
        _services.Running.Publish(_running.Keys.Concat(_stopping.Keys));
    }

    /// <summary>Answers the current registry (once recovered): a start-up barrier.</summary>
    public sealed record GetRegistry : IMessage;

    /// <summary>A command that journals a camera event.</summary>
    public interface ICommand : IMessage;

    public sealed record Add(CameraDefinition Camera) : ICommand;

    public sealed record Replace(CameraDefinition Camera) : ICommand;

    public sealed record Remove(CameraId Id) : ICommand;

    /// <summary>Ask: catch up with the journal now; answers the number of events applied.</summary>
    public sealed record Refresh : IMessage;

    /// <summary>Tell: the owned cameras changed; start and stop recorders accordingly.</summary>
    public sealed record OwnershipChanged : IMessage;

    /// <summary>The periodic catch-up of <see cref="RecordingEngineOptions.RegistryRefreshInterval"/>.</summary>
    private sealed record RefreshTick : IMessage;

    private sealed record Running(IActorRef<CameraActor.IMessage> Actor, CameraDefinition Definition);
}
