using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Server.Tests.Support;
using Xunit.Abstractions;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// A whole test cluster on loopback: a fresh PostgreSQL database (on the run's server, or on a private server the test
/// may restart), N real <c>nightjar node run</c> processes sharing it, one small GStreamer RTSP camera per camera, an
/// admin client, and the audits the cluster tests share (the catalog, the
/// membership and epoch tables). Dispose saves every node's output under <see cref="LogRoot"/> and names the folder
/// in the test output.
/// </summary>
internal sealed partial class ClusterHarness : IAsyncDisposable
{
    public const string AdminKey = "cluster-it-admin-key-0123456789";
    public const string ClusterKey = "cluster-it-cluster-key-0123456789";

    /// <summary>Expected bitrate of every camera; the simulator's noise pattern fills its budget, so measured ≈ expected.</summary>
    public const int CameraKbps = 200;

    public static readonly string LogRoot = Path.Combine(Path.GetTempPath(), "nightjar-cluster-it");

    private static readonly TimeSpan NodeStartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<ClusterNode> _nodes = [];
    private readonly Dictionary<string, GstRtspCamera> _cameras = new(StringComparer.Ordinal);
    private readonly string _name;
    private readonly TempDirectory _data = new();
    private readonly IReadOnlyDictionary<string, string> _common;

    private ClusterHarness(
        string name, ITestOutputHelper? output, ClusterDatabase database, PrivatePostgres? server,
        int segmentSeconds, IReadOnlyDictionary<string, string> common)
    {
        _name = name;
        Output = output;
        Database = database;
        Server = server;
        SegmentSeconds = segmentSeconds;
        _common = common;
        Catalog = new ClusterCatalog(database.ReaderConnectionString);
    }

    /// <summary>The current test's output (a class fixture's harness outlives one test, so each test sets its own).</summary>
    public ITestOutputHelper? Output { get; set; }

    public ClusterDatabase Database { get; }

    /// <summary>The private server when the test asked for one (it may restart it); null on the run's server.</summary>
    public PrivatePostgres? Server { get; }

    public ClusterCatalog Catalog { get; }

    /// <summary>
    /// The simulator behind each camera. One process per camera: a media shared by several readers restarts its
    /// timestamps for the earlier readers when a new one joins, which the recorder sees as clock drift and would blur
    /// the catalog times these tests measure.
    /// </summary>
    public IReadOnlyDictionary<string, GstRtspCamera> Cameras => _cameras;

    public int SegmentSeconds { get; }

    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    public IEnumerable<ClusterNode> RunningNodes => _nodes.Where(n => n.IsRunning);

    /// <summary>
    /// Creates the database (no node and no camera yet).
    /// </summary>
    /// <param name="name">Names the log folder.</param>
    /// <param name="output">Where progress and the saved-log folder are reported.</param>
    /// <param name="settings">Settings every node gets (timing knobs), as configuration keys (<c>Cluster:LeaseTtlSeconds</c>).</param>
    /// <param name="privatePostgres">Run on a private server that <see cref="RestartPostgresAsync"/> may restart.</param>
    /// <param name="segmentSeconds">Recording:SegmentSeconds of every node.</param>
    public static async Task<ClusterHarness> CreateAsync(
        string name, ITestOutputHelper? output, IReadOnlyDictionary<string, string>? settings = null, bool privatePostgres = false, int segmentSeconds = 4)
    {
        PrivatePostgres? server = null;
        ClusterDatabase? database = null;
        try
        {
            if (privatePostgres)
            {
                server = await PrivatePostgres.StartAsync();
                database = await ClusterDatabase.CreateAsync(server.ConnectionString);
            }
            else
            {
                database = await ClusterDatabase.CreateOnTestServerAsync();
            }

            var common = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                common[key] = value;
            }

            return new ClusterHarness(name, output, database, server, segmentSeconds, common);
        }
        catch
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }

            if (server is not null)
            {
                await server.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Declares a node (not started yet) with its capacity and any settings of its own.</summary>
    public ClusterNode AddNode(string id, NodeCapacity capacity, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataPath = Path.Combine(_data.Path, id);
        var node = new ClusterNode(id, dataPath, NodeSettings(id, dataPath, capacity, settings));
        _nodes.Add(node);
        return node;
    }

    /// <summary>Starts nodes concurrently and waits until each is ready and the cluster lists it as active.</summary>
    public async Task StartNodesAsync(params ClusterNode[] nodes)
    {
        await Task.WhenAll(nodes.Select(n => n.StartAsync(NodeStartTimeout)));
        await WaitForActiveAsync(nodes.Select(n => n.Id).ToArray(), TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts a simulator per camera and adds cameras <c>{prefix}1..{prefix}count</c> through the API of a running node.</summary>
    public async Task<IReadOnlyList<string>> AddCamerasAsync(int count, string prefix = "cam", int from = 1)
    {
        var ids = Enumerable.Range(from, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToList();

        // Small, cheap video with a keyframe every second; "snow" makes the measured bitrate match the expectation.
        await Task.WhenAll(ids.Select(async id =>
        {
            var simulator = await GstRtspCamera.StartAsync(video: new CameraVideo(160, 120, 10, 10, CameraKbps, "snow"));
            lock (_cameras)
            {
                _cameras[id] = simulator; // kept at once, so dispose stops it even if another one fails to start
            }
        }));

        var via = RunningNodes.First();
        foreach (var id in ids)
        {
            var camera = new
            {
                id,
                name = "Cluster camera " + id,
                streams = new[] { new { name = "main", url = _cameras[id].Url("ball").ToString(), expectedBitrateKbps = CameraKbps } },
            };
            using var response = await via.Api.PostAsJsonAsync(new Uri("/api/v1/cameras", UriKind.Relative), camera);
            response.StatusCode.Should().Be(HttpStatusCode.Created, $"POST /api/v1/cameras {id} on {via.Id}: {await response.Content.ReadAsStringAsync()}");
        }

        return ids;
    }

    /// <summary>SIGKILL; returns the instant of the kill (just before the signal).</summary>
    public async Task<DateTimeOffset> KillNodeAsync(ClusterNode node)
    {
        var killedAt = DateTimeOffset.UtcNow;
        await node.KillAsync();
        Log($"SIGKILL {node.Id} at {killedAt:HH:mm:ss.fff}");
        return killedAt;
    }

    /// <summary>SIGTERM and wait for the exit; returns the exit code.</summary>
    public async Task<int> TerminateNodeAsync(ClusterNode node, TimeSpan timeout)
    {
        Log($"SIGTERM {node.Id} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
        var code = await node.TerminateAsync(timeout);
        Log($"{node.Id} exited with {code} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
        return code;
    }

    /// <summary>Starts a stopped node again over its data directory and waits until it is active.</summary>
    public async Task StartNodeAsync(ClusterNode node) => await StartNodesAsync(node);

    /// <summary>Restarts the private PostgreSQL server (stop with <paramref name="mode"/>, stay down, start); returns the downtime.</summary>
    public async Task<TimeSpan> RestartPostgresAsync(string mode, TimeSpan downtime)
    {
        var server = Server ?? throw new InvalidOperationException("RestartPostgresAsync needs a harness created with privatePostgres: true.");
        Log($"PostgreSQL stop -m {mode} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
        var down = await server.RestartAsync(mode, downtime);
        Log($"PostgreSQL up again at {DateTimeOffset.UtcNow:HH:mm:ss.fff} after {down.TotalSeconds:F1} s");
        return down;
    }

    public void Log(string line)
    {
        try
        {
            Output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // No test is running any more (a class fixture disposing): the saved logs still hold everything.
        }
    }

    private Dictionary<string, string> NodeSettings(string id, string dataPath, NodeCapacity capacity, IReadOnlyDictionary<string, string>? own)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["Cluster:Key"] = ClusterKey,
            ["Node:Id"] = id,
            ["Http:BindAddress"] = "127.0.0.1",
            ["Rtsp:BindAddress"] = "127.0.0.1",
            ["Rtsp:UdpRtpPort"] = "0",
            ["Data:Path"] = dataPath,
            ["Auth:BootstrapAdminKey"] = AdminKey,
            ["Node:Capacity:IngestMbps"] = capacity.IngestMbps.ToString(CultureInfo.InvariantCulture),
            ["Node:Capacity:Cameras"] = capacity.Cameras.ToString(CultureInfo.InvariantCulture),
            ["Node:Capacity:StorageGb"] = capacity.StorageGb.ToString(CultureInfo.InvariantCulture),
            ["Node:Labels:site"] = "it",
            ["Recording:SegmentSeconds"] = SegmentSeconds.ToString(CultureInfo.InvariantCulture),
            ["Shutdown:TimeoutSeconds"] = "30",

            // The tests add their cameras once every node is up: a short settle still exercises the cold-start hold.
            ["Cluster:ColdStartSettleSeconds"] = "2",
        };
        foreach (var (key, value) in _common)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in own ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
