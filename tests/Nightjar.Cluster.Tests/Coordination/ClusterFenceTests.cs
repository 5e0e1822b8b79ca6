using Nightjar.Actors.Persistence;
using Nightjar.Cluster.Coordination;
using Npgsql;

namespace Nightjar.Cluster.Tests.Coordination;

/// <summary>The journal trigger that refuses DVR appends from any process but the camera's live owner.</summary>
public sealed class ClusterFenceTests : IAsyncLifetime
{
    private ClusterDatabase _database = null!;
    private TestNode _owner = null!;
    private TestNode _other = null!;

    public async Task InitializeAsync()
    {
        _database = await ClusterDatabase.CreateAsync();
        _owner = await TestNode.StartAsync(_database, TestNode.Identity("owner"), agent: false);
        _other = await TestNode.StartAsync(_database, TestNode.Identity("other"), agent: false);
        var term = (await LeaderCalls.AcquireAsync(_database, _owner.Membership))!.Value;
        (await LeaderCalls.AssignAsync(_database, _owner.Membership, term, "cam-1", 0, _owner.Membership)).Should().Be(1);
    }

    public async Task DisposeAsync()
    {
        if (_owner is not null)
        {
            await _owner.DisposeAsync();
        }

        if (_other is not null)
        {
            await _other.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public void WithInstance_ExistingOptions_KeepsThemAndAddsTheSetting()
    {
        var instance = Guid.NewGuid();

        var result = ClusterFence.WithInstance("Host=h;Username=u;Options=-c statement_timeout=5000", instance);

        new NpgsqlConnectionStringBuilder(result).Options.Should().Be($"-c statement_timeout=5000 -c nightjar.instance={instance:D}");
        new NpgsqlConnectionStringBuilder(ClusterFence.WithInstance("Host=h", instance)).Options.Should().Be($"-c nightjar.instance={instance:D}");
    }

    [Fact]
    public async Task ControlPlaneDataSource_ForANode_IsSmallShortAndNamed()
    {
        await using var source = ClusterDataSource.Create(_database.ConnectionString, "node-7");

        var settings = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        settings.ApplicationName.Should().Be("nightjar-ctl-node-7");
        settings.MaxPoolSize.Should().Be(8);
        settings.CommandTimeout.Should().Be(3);
        await using var command = source.CreateCommand("SELECT current_setting('application_name')");
        (await command.ExecuteScalarAsync()).Should().Be("nightjar-ctl-node-7");
    }

    [Fact]
    public async Task Append_ByTheOwnersInstance_IsWritten()
    {
        await using var journal = JournalOf(_owner);

        var sequence = await journal.AppendAsync("dvr/cam-1/main", 0, [Segment(1)], CancellationToken.None);

        sequence.Should().Be(1);
        (await CountAsync("dvr/cam-1/main")).Should().Be(1);
    }

    [Fact]
    public async Task Append_ByAnotherInstance_IsRefusedAndWritesNothing()
    {
        await using var journal = JournalOf(_other);

        var act = () => journal.AppendAsync("dvr/cam-1/main", 0, [Segment(1), Segment(2)], CancellationToken.None);

        var refusal = (await act.Should().ThrowAsync<Exception>()).Which;
        Refusal(refusal).Should().NotBeNull("the fence raises {0}", ClusterFence.RefusedSqlState);
        Refusal(refusal)!.MessageText.Should().Contain("cam-1").And.Contain(_other.Membership.Identity.InstanceId.ToString("D"));
        (await CountAsync("dvr/cam-1/main")).Should().Be(0);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM event_stream")).Should().Be(0);
    }

    [Fact]
    public async Task Append_ByADeadOwner_IsRefused()
    {
        await _database.ScalarAsync<bool>(
            "SELECT nightjar_cluster.node_set_status('owner', $1, ARRAY['active'], 'dead', 'test')", _owner.Membership.Incarnation);
        await using var journal = JournalOf(_owner);

        var act = () => journal.AppendAsync("dvr/cam-1/main", 0, [Segment(1)], CancellationToken.None);

        Refusal((await act.Should().ThrowAsync<Exception>()).Which).Should().NotBeNull();
        (await CountAsync("dvr/cam-1/main")).Should().Be(0);
    }

    [Fact]
    public async Task Append_ToAnUnassignedCamera_IsRefused()
    {
        await using var journal = JournalOf(_owner);

        var act = () => journal.AppendAsync("dvr/cam-unknown/main", 0, [Segment(1)], CancellationToken.None);

        Refusal((await act.Should().ThrowAsync<Exception>()).Which).Should().NotBeNull();
    }

    [Fact]
    public async Task Append_ToANonDvrStream_IsNotFenced()
    {
        await using var journal = JournalOf(_other);

        var sequence = await journal.AppendAsync("camera-directory", 0, [Segment(1)], CancellationToken.None);

        sequence.Should().Be(1);
    }

    [Fact]
    public async Task Append_WithoutTheInstanceSetting_IsNotFenced()
    {
        await using var journal = ClusterDatabase.OpenJournal(_database.ConnectionString);

        var sequence = await journal.AppendAsync("dvr/cam-1/main", 0, [Segment(1)], CancellationToken.None);

        sequence.Should().Be(1);
    }

    [Fact]
    public async Task Append_AfterAPlannedMove_OnlyTheNewOwnerWrites()
    {
        await using var oldJournal = JournalOf(_owner);
        await using var newJournal = JournalOf(_other);
        (await _owner.Store.RecordingStartedAsync("cam-1", 1, CancellationToken.None)).Should().BeTrue();
        (await oldJournal.AppendAsync("dvr/cam-1/main", 0, [Segment(1)], CancellationToken.None)).Should().Be(1);
        var term = await _database.ScalarAsync<long>("SELECT term FROM nightjar_cluster.cluster_leader");
        (await LeaderCalls.ReleaseRequestAsync(_database, _owner.Membership, term, "cam-1", 1, _other.Membership)).Should().BeTrue();

        // While releasing, the owner may still commit its last segment.
        (await oldJournal.AppendAsync("dvr/cam-1/main", 1, [Segment(2)], CancellationToken.None)).Should().Be(2);
        (await _owner.Store.ReleaseCompleteAsync("cam-1", 1, CancellationToken.None)).Should().BeTrue();

        var late = () => oldJournal.AppendAsync("dvr/cam-1/main", 2, [Segment(3)], CancellationToken.None);
        Refusal((await late.Should().ThrowAsync<Exception>()).Which).Should().NotBeNull();
        (await newJournal.AppendAsync("dvr/cam-1/main", 2, [Segment(3)], CancellationToken.None)).Should().Be(3);
    }

    private Nightjar.Persistence.IEventJournal JournalOf(TestNode node) =>
        ClusterDatabase.OpenJournal(ClusterFence.WithInstance(_database.ConnectionString, node.Membership.Identity.InstanceId));

    private static EventToPersist Segment(int sequence) => new(new SegmentWritten("cam-1", sequence), []);

    private Task<long> CountAsync(string persistenceId) =>
        _database.ScalarAsync<long>("SELECT count(*) FROM event_journal WHERE persistence_id = $1", persistenceId);

    private static PostgresException? Refusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: ClusterFence.RefusedSqlState } refused)
            {
                return refused;
            }
        }

        return null;
    }
}
