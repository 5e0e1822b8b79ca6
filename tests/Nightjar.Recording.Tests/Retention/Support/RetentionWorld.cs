using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Runtime.Recovery;
using Nightjar.Recording.Tests.Runtime.Support;
using Clock = Nightjar.Actors.Testing.ManualTimeProvider;

namespace Nightjar.Recording.Tests.Retention.Support;

/// <summary>
/// Retention over real stores without an engine: SQLite journal and catalog in a temp directory, synthetic segment
/// files (a few bytes on disk, the "real" size in their <see cref="SegmentRecorded"/> event), a manual clock, a
/// simulated disk whose free space is its size minus what the index holds.
/// </summary>
internal sealed class RetentionWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The content of every synthetic file (a TS sync byte and three more); only its recorded size matters.</summary>
    private static readonly byte[] Sync = [0x47, 1, 2, 3];

    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _recordedBytes = new(StringComparer.Ordinal);
    private StoreHarness _store = null!;
    private CatalogProjector _projector = null!;

    private RetentionWorld()
    {
    }

    public Clock Clock { get; } = new(T0);

    public FakeCameraManager Cameras { get; } = new();

    public FakeProtectionSource Protection { get; } = new();

    public SegmentPins Pins { get; } = new();

    public FakeStorageSpace Space { get; private set; } = null!;

    public StoreHarness Store => _store;

    public string Root => _store.StorageRoot;

    public RetentionService Service { get; private set; } = null!;

    /// <summary>Recorded bytes of the synthetic files still on disk (what the simulated disk has used).</summary>
    public long UsedBytes
    {
        get
        {
            foreach (var gone in _recordedBytes.Keys.Where(p => !File.Exists(Path.Combine(Root, p))).ToList())
            {
                _recordedBytes.Remove(gone);
            }

            return _recordedBytes.Values.Sum();
        }
    }

    public static async Task<RetentionWorld> StartAsync(long totalBytes = 1L << 50)
    {
        var world = new RetentionWorld();
        world._store = await StoreHarness.StartAsync();
        world._projector = new CatalogProjector(world._store.Journal, world._store.Catalog, TimeProvider.System, NullLogger.Instance);
        world.Space = new FakeStorageSpace(totalBytes, () => world.UsedBytes);
        return world;
    }

    public RetentionService CreateService(RetentionOptions options, RetentionRoot root) =>
        Service = new RetentionService(options, [root], _store.Journal, _store.Catalog, Cameras, Protection, Pins, Space, null, Clock);

    public RetentionRoot RootWithLimit(long? limitBytes, DepthLimit? defaultDepth = null) =>
        new("main", Root, limitBytes ?? long.MaxValue, null, defaultDepth);

    public static CameraDefinition Camera(string id, DvrPolicy dvr) => new(
        new CameraId(id),
        id,
        [new StreamDefinition("main", "rtsp://127.0.0.1:8554/" + id, null, null)],
        dvr,
        null,
        ImmutableSortedDictionary<string, string>.Empty);

    public static DvrPolicy Policy(string depth, string? motionDepth = null, long? space = null, int preSeconds = 10, int postSeconds = 30) => new(
        DepthLimit.Parse(depth),
        motionDepth is null ? null : DepthLimit.Parse(motionDepth),
        space is { } bytes ? new ByteSize(bytes) : null,
        TimeSpan.FromSeconds(preSeconds),
        TimeSpan.FromSeconds(postSeconds));

    /// <summary>A closed segment: a tiny file on disk, journaled with its recorded size (not projected until <see cref="ProjectAsync"/>).</summary>
    public async Task<SegmentRecorded> RecordAsync(string camera, DateTimeOffset start, DateTimeOffset end, long bytes, string stream = "main") =>
        (await RecordManyAsync(camera, [(start, end, bytes)], stream))[0];

    /// <summary>Several closed segments of one stream, journaled in one append.</summary>
    public async Task<IReadOnlyList<SegmentRecorded>> RecordManyAsync(string camera, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End, long Bytes)> segments, string stream = "main", string? node = null)
    {
        var events = new List<SegmentRecorded>();
        foreach (var (start, end, bytes) in segments)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{camera}/{stream}/run1/{start.ToUnixTimeSeconds()}.ts");
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, Sync);
            _recordedBytes[path] = bytes;
            events.Add(new SegmentRecorded(new CameraId(camera), stream, "run1", path, start, end, bytes, GopIndex.Empty) { Node = node });
        }

        if (events.Count > 0)
        {
            await AppendAsync(JournalNames.DvrPersistenceId(new CameraId(camera), stream), [.. events]);
        }

        return events;
    }

    public async Task AppendAsync(string persistenceId, params IRecordingEvent[] events)
    {
        var batch = events.Select(e => new EventToPersist(e, JournalNames.TagsOf(e))).ToList();
        _sequences[persistenceId] = await _store.Journal.AppendAsync(persistenceId, _sequences.GetValueOrDefault(persistenceId), batch, CancellationToken.None);
    }

    public Task ProjectAsync() => _projector.CatchUpAsync(CancellationToken.None);

    /// <summary>Every row of the catalog in any state, oldest first.</summary>
    public async Task<List<CatalogSegment>> RowsAsync()
    {
        var rows = new List<CatalogSegment>();
        foreach (var state in new[] { CatalogSegmentState.Recorded, CatalogSegmentState.Lost, CatalogSegmentState.Garbage })
        {
            CatalogSegment? after = null;
            while (true)
            {
                var page = await _store.Catalog.InStateAsync(state, after, 1000, CancellationToken.None);
                rows.AddRange(page);
                if (page.Count < 1000)
                {
                    break;
                }

                after = page[^1];
            }
        }

        return rows;
    }

    /// <summary>Segment files on disk, as relative paths.</summary>
    public HashSet<string> Files() =>
        Directory.Exists(Root)
            ? [.. Directory.EnumerateFiles(Root, "*.ts", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))]
            : [];

    public async Task<List<JournalEventView>> RetentionEventsAsync(string persistenceId = "retention/main")
    {
        var events = new List<JournalEventView>();
        await foreach (var e in _store.Journal.ReadEventsAsync(persistenceId, 1, long.MaxValue, CancellationToken.None))
        {
            events.Add(new JournalEventView(e.SequenceNr, e.Payload));
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        await _store.DisposeAsync();
    }

    public sealed record JournalEventView(long SequenceNr, object Payload);
}
