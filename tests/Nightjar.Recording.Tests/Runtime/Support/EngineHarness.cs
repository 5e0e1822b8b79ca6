using System.Collections.Immutable;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Tests.Runtime.Support;

/// <summary>
/// A recording engine as a node runs it: SQLite journal and catalog in a temp data directory, a storage root next to
/// it, real ffmpeg. It can be restarted gracefully or "crash" and come back over the same directories, like a process.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("nj-engine");
    private readonly Func<RecordingEngineOptions, RecordingEngineOptions> _configure;
    private IEventJournal? _journal;
    private ISegmentCatalog? _catalog;
    private RecordingEngine? _engine;

    private readonly ICameraOwnership? _ownership;
    private readonly ISegmentAuthority? _authority;

    private EngineHarness(Func<RecordingEngineOptions, RecordingEngineOptions>? configure, ICameraOwnership? ownership, ISegmentAuthority? authority)
    {
        _configure = configure ?? (o => o);
        _ownership = ownership;
        _authority = authority;
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        Directory.CreateDirectory(DataPath);
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>One key ring for the harness's life: engines after a restart must read the passwords the first one protected.</summary>
    public ISecretProtector Protector { get; } = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());

    public string DataPath => _temp.Combine("data");

    public string StorageRoot => _temp.Combine("recordings");

    public RecordingEngine Engine => _engine ?? throw new InvalidOperationException("No engine is running.");

    public IEventJournal Journal => _journal ?? throw new InvalidOperationException("No journal is open.");

    public ISegmentCatalog Catalog => _catalog ?? throw new InvalidOperationException("No catalog is open.");

    public RecordingEngineOptions Options { get; private set; } = null!;

    /// <summary>The options of the engine tests: 2 s segments and short timeouts, so stalls and restarts take seconds.</summary>
    public static RecordingEngineOptions TestOptions(string root) => new()
    {
        StorageRoots = [root],
        SegmentDuration = TimeSpan.FromSeconds(2),
        SocketTimeout = TimeSpan.FromSeconds(2),
        FileStallTimeout = TimeSpan.FromSeconds(4),
        Supervisor = new SupervisorOptions
        {
            StartGrace = TimeSpan.FromSeconds(3),
            StallTimeout = TimeSpan.FromSeconds(4),
            StopGrace = TimeSpan.FromSeconds(2),
            CheckInterval = TimeSpan.FromMilliseconds(500),
            BackoffSchedule = [TimeSpan.FromSeconds(1)],
        },
    };

    public static async Task<EngineHarness> StartAsync(
        Func<RecordingEngineOptions, RecordingEngineOptions>? configure = null,
        ICameraOwnership? ownership = null,
        ISegmentAuthority? authority = null)
    {
        ToolRunner.Require("ffmpeg");
        var harness = new EngineHarness(configure, ownership, authority);
        await harness.OpenCoreAsync();
        return harness;
    }

    /// <summary>A camera with one <c>main</c> stream on a stand-in's path, with its login.</summary>
    public static CameraDefinition Camera(string id, GstRtspCamera camera, string path = "ball", string? password = null) => new(
        new CameraId(id),
        "Camera " + id,
        [new StreamDefinition("main", $"rtsp://127.0.0.1:{camera.Port}/{path}", camera.User is null ? null : new Credentials(camera.User, password ?? camera.Password ?? string.Empty), 1000)],
        DvrPolicy.Default,
        null,
        ImmutableSortedDictionary<string, string>.Empty);

    /// <summary>Stops the engine (gracefully, or as a crash: ffmpeg SIGKILLed, nothing finished) and starts a new one over the same directories.</summary>
    public async Task RestartAsync(bool crash)
    {
        await CloseAsync(crash);
        await OpenCoreAsync();
    }

    /// <summary>
    /// Like a killed node: every ffmpeg SIGKILLed, nothing recorded or closed. Journal and catalog stay open for the
    /// test to look at what the crash left; <see cref="OpenAsync"/> closes and reopens them like a new process.
    /// </summary>
    public async Task CrashAsync()
    {
        await Engine.SimulateCrashAsync();
        await Engine.DisposeAsync();
        _engine = null;
    }

    /// <summary>Reopens journal and catalog and starts a new engine over the directories (after <see cref="CrashAsync"/>).</summary>
    public async Task OpenAsync()
    {
        await CloseAsync(crash: false);
        await OpenCoreAsync();
    }

    /// <summary>Live ffmpeg processes whose command line mentions this harness's storage root (read from /proc).</summary>
    public IReadOnlyList<int> FfmpegProcesses()
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("ffmpeg", StringComparison.Ordinal) && commandLine.Contains(StorageRoot, StringComparison.Ordinal)
                    && !File.ReadAllText(Path.Combine(directory, "stat")).Contains(") Z ", StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process exited while we looked.
            }
        }

        return found;
    }

    /// <summary>Segment files on disk, relative to the storage root.</summary>
    public IReadOnlyList<string> SegmentFilesOnDisk() =>
        Directory.Exists(StorageRoot)
            ? [.. Directory.EnumerateFiles(StorageRoot, "*.ts", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(StorageRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The payloads journaled under a persistence id, in order.</summary>
    public async Task<List<object>> EventsAsync(string persistenceId)
    {
        var events = new List<object>();
        await foreach (var e in Journal.ReadEventsAsync(persistenceId, 1, long.MaxValue, CancellationToken.None))
        {
            events.Add(e.Payload);
        }

        return events;
    }

    public Task<List<object>> DvrEventsAsync(string camera, string stream = "main") => EventsAsync($"dvr/{camera}/{stream}");

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(crash: false);
        LoggerFactory.Dispose();
        _temp.Dispose();
    }

    private async Task OpenCoreAsync()
    {
        var registry = new EventTypeRegistry();
        RecordingEngine.RegisterJournalTypes(registry);
        var journalOptions = new EventJournalOptions { DataPath = DataPath };
        _journal = EventJournalFactory.Create(journalOptions, registry, LoggerFactory);
        await _journal.MigrateAsync(CancellationToken.None);
        _catalog = SegmentCatalogFactory.Create(journalOptions, LoggerFactory);
        await _catalog.MigrateAsync(CancellationToken.None);
        Options = _configure(TestOptions(StorageRoot));
        _engine = new RecordingEngine(Options, _journal, _catalog, Protector, LoggerFactory, ownership: _ownership, segmentAuthority: _authority);
        await _engine.StartAsync(CancellationToken.None);
    }

    private async Task CloseAsync(bool crash)
    {
        if (_engine is { } engine)
        {
            if (crash)
            {
                await engine.SimulateCrashAsync();
            }

            await engine.DisposeAsync();
            _engine = null;
        }

        if (_catalog is IAsyncDisposable catalog)
        {
            await catalog.DisposeAsync();
        }

        _catalog = null;
        if (_journal is { } journal)
        {
            await journal.DisposeAsync();
        }

        _journal = null;
    }
}
