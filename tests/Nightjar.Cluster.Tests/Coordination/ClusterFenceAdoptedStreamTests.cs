using Nightjar.Actors.Persistence;
using Nightjar.Cluster.Coordination;
using Npgsql;

namespace Nightjar.Cluster.Tests.Coordination;

/// <summary>
/// The fence and a restarted node's adopted stream (<c>dvr-adopted/{node}/{camera}/{stream}</c>, cluster.md 6.9-C):
/// the node that lost a camera may not append to its DVR stream, but may journal its left-behind files under its own id.
/// </summary>
public sealed class ClusterFenceAdoptedStreamTests : IAsyncLifetime
{
    private ClusterDatabase _database = null!;
    private TestNode _former = null!;
    private TestNode _owner = null!;

    public async Task InitializeAsync()
    {
        _database = await ClusterDatabase.CreateAsync();
        _former = await TestNode.StartAsync(_database, TestNode.Identity("former"), agent: false);
        _owner = await TestNode.StartAsync(_database, TestNode.Identity("owner"), agent: false);
        var term = (await LeaderCalls.AcquireAsync(_database, _former.Membership))!.Value;
        (await LeaderCalls.AssignAsync(_database, _former.Membership, term, "cam-1", 0, _former.Membership)).Should().Be(1);
        (await LeaderCalls.AssignAsync(_database, _former.Membership, term, "cam-1", 1, _owner.Membership)).Should().Be(2);
    }

    public async Task DisposeAsync()
    {
        if (_former is not null)
        {
            await _former.DisposeAsync();
        }

        if (_owner is not null)
        {
            await _owner.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Append_ByTheFormerOwner_IsRefusedUnderDvr_ButWrittenUnderItsAdoptedId()
    {
        await using var journal = ClusterDatabase.OpenJournal(ClusterFence.WithInstance(_database.ConnectionString, _former.Membership.Identity.InstanceId));

        var refused = () => journal.AppendAsync("dvr/cam-1/main", 0, [Segment()], CancellationToken.None);
        var adopted = await journal.AppendAsync("dvr-adopted/former/cam-1/main", 0, [Segment()], CancellationToken.None);

        (await refused.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(ClusterFence.RefusedSqlState);
        adopted.Should().Be(1, "the fence matches dvr/% only");
    }

    private static EventToPersist Segment() => new(new SegmentWritten("cam-1", 1), []);
}
