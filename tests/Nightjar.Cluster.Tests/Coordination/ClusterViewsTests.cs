using Nightjar.Cluster.Coordination;

namespace Nightjar.Cluster.Tests.Coordination;

/// <summary>
/// <see cref="ClusterViews.OwnedAtAsync"/> over epochs written by the real assignment functions: which node was a
/// camera's authority at an instant (what a restarted node's recovery asks about the files it left behind).
/// </summary>
public sealed class ClusterViewsTests : IAsyncLifetime
{
    private ClusterDatabase _database = null!;
    private TestNode _first = null!;
    private TestNode _second = null!;

    public async Task InitializeAsync()
    {
        _database = await ClusterDatabase.CreateAsync();
        _first = await TestNode.StartAsync(_database, TestNode.Identity("first"), agent: false);
        _second = await TestNode.StartAsync(_database, TestNode.Identity("second"), agent: false);
    }

    public async Task DisposeAsync()
    {
        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task OwnedAtAsync_AfterAMove_AnswersFromEachNodesEpochInterval_StartInclusiveEndExclusive()
    {
        var term = (await LeaderCalls.AcquireAsync(_database, _first.Membership))!.Value;
        (await LeaderCalls.AssignAsync(_database, _first.Membership, term, "cam-1", 0, _first.Membership)).Should().Be(1);
        (await LeaderCalls.AssignAsync(_database, _first.Membership, term, "cam-1", 1, _second.Membership)).Should().Be(2);
        var epoch = (await _database.RowsAsync(
            "SELECT valid_from, valid_to FROM nightjar_cluster.camera_epoch WHERE camera_id = 'cam-1' AND epoch = 1")).Single();
        var from = new DateTimeOffset((DateTime)epoch[0]);
        var to = new DateTimeOffset((DateTime)epoch[1]);
        to.Should().BeAfter(from);
        var views = new ClusterViews(_database.Admin);

        (await views.OwnedAtAsync("cam-1", "first", from, CancellationToken.None)).Should().BeTrue("the interval includes its start");
        (await views.OwnedAtAsync("cam-1", "first", to.AddTicks(-10), CancellationToken.None)).Should().BeTrue("a microsecond before the move");
        (await views.OwnedAtAsync("cam-1", "first", to, CancellationToken.None)).Should().BeFalse("the interval excludes its end");
        (await views.OwnedAtAsync("cam-1", "first", from.AddTicks(-10), CancellationToken.None)).Should().BeFalse("before its first epoch");
        (await views.OwnedAtAsync("cam-1", "second", from, CancellationToken.None)).Should().BeFalse("another node's interval");
        (await views.OwnedAtAsync("cam-1", "second", to, CancellationToken.None)).Should().BeTrue();
        (await views.OwnedAtAsync("cam-1", "second", to.AddDays(1), CancellationToken.None)).Should().BeTrue("the current epoch is open");
        (await views.OwnedAtAsync("cam-2", "first", from, CancellationToken.None)).Should().BeFalse("a camera without epochs");
    }
}
