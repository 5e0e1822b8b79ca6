using Microsoft.Extensions.Logging;
using Nightjar.Actors;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>
/// One enabled camera: keeps one <see cref="StreamActor"/> per recorded stream, and on a new definition restarts only
/// the streams whose source changed. A replacement starts only once the old stream actor has terminated, so two ffmpeg
/// processes never record the same stream (and two writers never share its DVR journal).
/// </summary>
internal sealed partial class CameraActor : Actor<CameraActor.IMessage>
{
    private readonly RecordingServices _services;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Running> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _stopping = new(StringComparer.Ordinal);
    private CameraDefinition _definition;

    public CameraActor(RecordingServices services, CameraDefinition definition)
    {
        _services = services;
        _definition = definition;
        _logger = services.LoggerFactory.CreateLogger<CameraActor>();
    }

    /// <summary>The camera actor's protocol.</summary>
    public interface IMessage;

    protected override SupervisorStrategy? SupervisorStrategy => ChildSupervision.Forever;

    protected override ValueTask StartedAsync()
    {
        Reconcile();
        return ValueTask.CompletedTask;
    }

    protected override ValueTask ReceiveAsync(IMessage message)
    {
        if (message is Update update)
        {
            _definition = update.Definition;
            Reconcile();
        }

        return ValueTask.CompletedTask;
    }

    protected override ValueTask OnTerminatedAsync(Terminated terminated)
    {
        foreach (var name in _stopping.Where(s => ReferenceEquals(s.Value, terminated.Actor)).Select(s => s.Key).ToList())
        {
            _stopping.Remove(name);
        }

        // A stream actor that stopped on its own (it never should: supervision restarts it) is started again.
        foreach (var name in _running.Where(r => ReferenceEquals(r.Value.Actor, terminated.Actor)).Select(r => r.Key).ToList())
        {
            _running.Remove(name);
        }

        Reconcile();
        return ValueTask.CompletedTask;
    }

    private void Reconcile()
    {
        var wanted = _definition.Enabled
            ? _definition.Streams.Where(s => s.Record).ToDictionary(s => s.Name, StringComparer.Ordinal)
            : [];

        foreach (var (name, running) in _running.ToList())
        {
            if (wanted.TryGetValue(name, out var next)
                && !CredentialComparison.NeedsRestart(running.Definition, running.Audio, next, _definition.Audio, _services.Protector))
            {
                _running[name] = running with { Definition = next };
                continue;
            }

            LogStreamStopping(_logger, _definition.Id.Value, name);
            running.Actor.Stop();
            _running.Remove(name);
            _stopping[name] = running.Actor;
        }

        foreach (var (name, stream) in wanted)
        {
            if (_running.ContainsKey(name) || _stopping.ContainsKey(name))
            {
                continue;
            }

            var camera = _definition.Id;
            var audio = _definition.Audio;
            var actor = Context.Spawn(name, () => new StreamActor(_services, camera, stream, audio));
            Context.Watch(actor);
            _running[name] = new Running(actor, stream, audio);
        }
    }

    /// <summary>A new definition of the camera (same id).</summary>
    public sealed record Update(CameraDefinition Definition) : IMessage;

    private sealed record Running(IActorRef Actor, StreamDefinition Definition, AudioMode Audio);
}
