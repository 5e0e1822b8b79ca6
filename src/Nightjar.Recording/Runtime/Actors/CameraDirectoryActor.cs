using Microsoft.Extensions.Logging;
using Nightjar.Actors;
using Nightjar.Actors.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>
/// The node's cameras (persistence id <c>cameras</c>): validates each command against the registry (duplicate id,
/// unknown id), journals the event, publishes the new <see cref="CameraRegistry"/>, then starts, updates or stops one
/// <see cref="CameraActor"/> per enabled camera. Commands are handled one at a time, so checks and writes never race.
/// A removed camera's actor must have terminated before the same id can record again.
/// </summary>
internal sealed partial class CameraDirectoryActor : PersistentActor<CameraDirectoryActor.IMessage, CameraRegistry>
{
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

    /// <summary>The directory's protocol; every message is asked and answered with a <see cref="Runtime.CameraCommandResult"/> (or the registry).</summary>
    public interface IMessage;

    protected override SupervisorStrategy? SupervisorStrategy => ChildSupervision.Forever;

    protected override CameraRegistry ApplyEvent(CameraRegistry state, object @event) => state.Apply((IRecordingEvent)@event);

    protected override IReadOnlyList<string> GetTags(object @event) => JournalNames.TagsOf(@event);

    protected override ValueTask StartedAsync()
    {
        _registry.Publish(State);
        LogRecovered(_logger, State.Count, State.Version);
        Reconcile();
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask ReceiveAsync(IMessage message)
    {
        switch (message)
        {
            case GetRegistry:
                Context.Respond(State);
                return;
            case Add add when State.Contains(add.Camera.Id):
                Context.Respond(CameraCommandResult.Conflict($"Camera '{add.Camera.Id}' already exists."));
                return;
            case Add add:
                await ApplyAsync(CameraAdded.Create(add.Camera, _services.Protector));
                Context.Respond(CameraCommandResult.Ok(State.Find(add.Camera.Id)!));
                return;
            case Replace replace when !State.Contains(replace.Camera.Id):
                Context.Respond(CameraCommandResult.NotFound($"Camera '{replace.Camera.Id}' does not exist."));
                return;
            case Replace replace:
                await ApplyAsync(CameraUpdated.Create(replace.Camera, _services.Protector));
                Context.Respond(CameraCommandResult.Ok(State.Find(replace.Camera.Id)!));
                return;
            case Remove remove when !State.Contains(remove.Id):
                Context.Respond(CameraCommandResult.NotFound($"Camera '{remove.Id}' does not exist."));
                return;
            case Remove remove:
                var definition = State.Find(remove.Id)!;
                await ApplyAsync(new CameraRemoved(remove.Id));
                Context.Respond(CameraCommandResult.Ok(definition));
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

    private async Task ApplyAsync(ICameraEvent @event)
    {
        await PersistAsync(@event);
        _registry.Publish(State);
        LogChanged(_logger, @event.GetType().Name, @event.CameraId.Value, State.Version);
        Reconcile();
    }

    private void Reconcile()
    {
        var wanted = State.Cameras.Where(c => c.Enabled).ToDictionary(c => c.Id);
        foreach (var (id, running) in _running.ToList())
        {
            if (!wanted.TryGetValue(id, out var next))
            {
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
    }

    /// <summary>Answers the current registry (once recovered): a start-up barrier.</summary>
    public sealed record GetRegistry : IMessage;

    public sealed record Add(CameraDefinition Camera) : IMessage;

    public sealed record Replace(CameraDefinition Camera) : IMessage;

    public sealed record Remove(CameraId Id) : IMessage;

    private sealed record Running(IActorRef<CameraActor.IMessage> Actor, CameraDefinition Definition);
}
