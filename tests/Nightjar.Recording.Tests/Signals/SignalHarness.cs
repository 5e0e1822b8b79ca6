using Nightjar.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Protection;
using Nightjar.Recording.Signals;
using Nightjar.Recording.Tests.Runtime.Support;
using ManualClock = Nightjar.Actors.Testing.ManualTimeProvider;

namespace Nightjar.Recording.Tests.Signals;

/// <summary>A SQLite journal, cameras <c>lobby</c> and <c>gate</c>, a manual clock, a protection index and a pipeline over them.</summary>
internal sealed class SignalHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    public static readonly CameraId Lobby = new("lobby");
    public static readonly CameraId Gate = new("gate");

    private SignalHarness(StoreHarness store, SignalPipelineOptions options)
    {
        Store = store;
        Options = options;
        Index = new ProtectionIndex(store.Journal);
        Pipeline = NewPipeline();
    }

    public StoreHarness Store { get; }

    public IEventJournal Journal => Store.Journal;

    public SignalCameras Cameras { get; } = new("lobby", "gate");

    public ManualClock Time { get; } = new(T0);

    public ProtectionIndex Index { get; }

    public SignalPipelineOptions Options { get; }

    public CameraSignalPipeline Pipeline { get; private set; }

    public static async Task<SignalHarness> StartAsync(SignalPipelineOptions? options = null) =>
        new(await StoreHarness.StartAsync(), options ?? new SignalPipelineOptions());

    /// <summary>Stops the pipeline and starts a fresh one on the same journal: a node restart.</summary>
    public async Task RestartAsync()
    {
        await Pipeline.DisposeAsync();
        Pipeline = NewPipeline();
    }

    public Task<SignalOutcome> ReportAsync(CameraId camera, string source, string type, AlarmState state, DateTimeOffset? at = null, bool? motion = null, string? region = null, int? channel = null, string? target = null) =>
        Pipeline.ReportAsync(
            new CameraSignal(camera, source, type, state, at ?? Time.GetUtcNow(), motion ?? MotionTypes.IsMotion(type), region, target, channel),
            CancellationToken.None);

    /// <summary>Every event of a camera's signal actor, in order.</summary>
    public async Task<List<object>> EventsAsync(CameraId camera)
    {
        var events = new List<object>();
        await foreach (var e in Journal.ReadEventsAsync("signals/" + camera.Value, 1, long.MaxValue, CancellationToken.None))
        {
            events.Add(e.Payload);
        }

        return events;
    }

    public async Task<List<T>> EventsAsync<T>(CameraId camera) => [.. (await EventsAsync(camera)).OfType<T>()];

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        Index.Dispose();
        await Store.DisposeAsync();
    }

    private CameraSignalPipeline NewPipeline() =>
        new(new JournalEventStore(Store.Journal), Cameras, Options, Index, timeProvider: Time);
}
