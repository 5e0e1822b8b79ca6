using Nightjar.Cluster.Coordination;

namespace Nightjar.Cluster.Tests.Coordination;

/// <summary>The assignment state machine in the database: every transition is a compare-and-set that a stale caller loses.</summary>
public sealed class AssignmentProtocolTests : IAsyncLifetime
{
    private ClusterDatabase _database = null!;
    private TestNode _a = null!;
    private TestNode _b = null!;
    private long _term;

    public async Task InitializeAsync()
    {
        _database = await ClusterDatabase.CreateAsync();
        _a = await TestNode.StartAsync(_database, TestNode.Identity("a"), agent: false);
        _b = await TestNode.StartAsync(_database, TestNode.Identity("b"), agent: false);
        _term = (await LeaderCalls.AcquireAsync(_database, _a.Membership))!.Value;
        (await LeaderCalls.AssignAsync(_database, _a.Membership, _term, "cam-1", 0, _a.Membership)).Should().Be(1);
    }

    public async Task DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task AssignCamera_StaleExpectedEpoch_LosesTheCompareAndSet()
    {
        (await LeaderCalls.AssignAsync(_database, _a.Membership, _term, "cam-1", 0, _b.Membership)).Should().BeNull();

        (await OwnerAsync("cam-1")).Should().Be("a");
    }

    [Fact]
    public async Task AssignCamera_ActiveCameraOfALiveOwner_IsNotTakenAway()
    {
        (await _a.Store.RecordingStartedAsync("cam-1", 1, CancellationToken.None)).Should().BeTrue();

        (await LeaderCalls.AssignAsync(_database, _a.Membership, _term, "cam-1", 1, _b.Membership)).Should().BeNull();

        (await OwnerAsync("cam-1")).Should().Be("a");
    }

    [Fact]
    public async Task RecordingStarted_WrongEpochOrNode_ChangesNothing()
    {
        (await _a.Store.RecordingStartedAsync("cam-1", 2, CancellationToken.None)).Should().BeFalse();
        (await _b.Store.RecordingStartedAsync("cam-1", 1, CancellationToken.None)).Should().BeFalse();

        (await StateAsync("cam-1")).Should().Be("starting");
        (await _a.Store.RecordingStartedAsync("cam-1", 1, CancellationToken.None)).Should().BeTrue();
        (await _a.Store.RecordingStartedAsync("cam-1", 1, CancellationToken.None)).Should().BeFalse("the ack is counted once");
    }

    [Fact]
    public async Task ReleaseComplete_ByANodeThatIsNotTheOwner_IsRefused()
    {
        await _a.Store.RecordingStartedAsync("cam-1", 1, CancellationToken.None);
        (await LeaderCalls.ReleaseRequestAsync(_database, _a.Membership, _term, "cam-1", 1, _b.Membership)).Should().BeTrue();

        (await _b.Store.ReleaseCompleteAsync("cam-1", 1, CancellationToken.None)).Should().BeFalse();

        (await StateAsync("cam-1")).Should().Be("releasing");
        (await _a.Store.ReadMineAsync(CancellationToken.None)).Should().ContainSingle()
            .Which.Should().Be(new CameraAssignment("cam-1", 1, AssignmentState.Releasing, "b"));
    }

    [Fact]
    public async Task ReleaseAbortExpired_OwnerNeverReleased_ReturnsTheCameraToItAndALateReleaseLoses()
    {
        await _a.Store.RecordingStartedAsync("cam-1", 1, CancellationToken.None);
        (await _database.ScalarAsync<bool>(
            "SELECT nightjar_cluster.release_request('a', $1, $2, 'cam-1', 1, 'b', $3, interval '1 millisecond', 'rebalance')",
            _a.Membership.Incarnation, _term, _b.Membership.Incarnation)).Should().BeTrue();

        List<object[]> aborted = [];
        await Eventually.UntilAsync(async () => (aborted = await _database.RowsAsync(
            "SELECT * FROM nightjar_cluster.release_abort_expired('a', $1, $2)", _a.Membership.Incarnation, _term)).Count > 0,
            "the release deadline passes", TimeSpan.FromSeconds(5));

        aborted.Should().ContainSingle().Which[0].Should().Be("cam-1");
        (await StateAsync("cam-1")).Should().Be("active");
        (await _a.Store.ReleaseCompleteAsync("cam-1", 1, CancellationToken.None)).Should().BeFalse();
        (await OwnerAsync("cam-1")).Should().Be("a");
    }

    [Fact]
    public async Task ReleaseRequest_CameraStillStarting_IsRefused()
    {
        (await LeaderCalls.ReleaseRequestAsync(_database, _a.Membership, _term, "cam-1", 1, _b.Membership)).Should().BeFalse();
    }

    [Fact]
    public async Task ReleaseComplete_ByTheOwner_MovesTheEpochToTheTargetAndClosesTheTimeline()
    {
        await _a.Store.RecordingStartedAsync("cam-1", 1, CancellationToken.None);
        await LeaderCalls.ReleaseRequestAsync(_database, _a.Membership, _term, "cam-1", 1, _b.Membership);

        (await _a.Store.ReleaseCompleteAsync("cam-1", 1, CancellationToken.None)).Should().BeTrue();

        (await _b.Store.ReadMineAsync(CancellationToken.None)).Should().ContainSingle()
            .Which.Should().Be(new CameraAssignment("cam-1", 2, AssignmentState.Starting, null));
        (await _a.Store.ReadMineAsync(CancellationToken.None)).Should().BeEmpty();
        await EpochTimeline.AssertContiguousAsync(_database);
        (await _database.ScalarAsync<string>("SELECT reason FROM nightjar_cluster.camera_epoch WHERE epoch = 2")).Should().Be("rebalance");
    }

    [Fact]
    public async Task UnassignCamera_RemovesTheRowAndClosesTheEpoch()
    {
        (await _database.ScalarAsync<bool>("SELECT nightjar_cluster.unassign_camera('a', $1, $2, 'cam-1', 1)", _a.Membership.Incarnation, _term))
            .Should().BeTrue();

        (await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_assignment")).Should().Be(0);
        (await _database.ScalarAsync<bool>("SELECT valid_to IS NOT NULL FROM nightjar_cluster.camera_epoch WHERE camera_id = 'cam-1'")).Should().BeTrue();
    }

    private Task<string> OwnerAsync(string camera) =>
        _database.ScalarAsync<string>("SELECT owner_node FROM nightjar_cluster.camera_assignment WHERE camera_id = $1", camera);

    private Task<string> StateAsync(string camera) =>
        _database.ScalarAsync<string>("SELECT state FROM nightjar_cluster.camera_assignment WHERE camera_id = $1", camera);
}
