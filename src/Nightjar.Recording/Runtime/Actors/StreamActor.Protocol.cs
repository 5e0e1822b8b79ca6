using Nightjar.Media.Ffmpeg;
using Nightjar.Recording.Runtime.Ingest;

namespace Nightjar.Recording.Runtime.Actors;

internal sealed partial class StreamActor
{
    /// <summary>Time to tail the open file, read ffmpeg's segment list and check health.</summary>
    public sealed record Tick : IMessage
    {
        public static Tick Instance { get; } = new();
    }

    /// <summary>The supervisor is about to start <paramref name="Run"/> (its directory exists).</summary>
    public sealed record RunPrepared(PreparedRun Run) : IMessage;

    /// <summary>Something the process supervisor reported.</summary>
    public sealed record SupervisorEvent(ISupervisorEvent Event) : IMessage;
}
