using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Protection;
using Nightjar.Recording.Tests.Signals;
using static Nightjar.Recording.Tests.Signals.SignalHarness;

namespace Nightjar.Recording.Tests.Protection;

public sealed class EvidenceLocksTests
{
    private static EvidenceLockRequest Request(string reason = "incident 42", DateTimeOffset? until = null) =>
        new(T0.AddHours(-2), T0.AddHours(-1), until, reason);

    [Fact]
    public async Task AddAsync_ValidRequest_JournalsTheLockUnderLocksPersistenceId()
    {
        await using var h = await StartAsync();
        using var locks = new EvidenceLocks(h.Journal, h.Cameras, h.Index, h.Time);

        var result = await locks.AddAsync(Lobby, Request(until: T0.AddDays(30)), "ops-key", CancellationToken.None);

        result.Status.Should().Be(LockCommandStatus.Ok);
        var @lock = result.Lock!;
        LockIds.IsValid(@lock.LockId).Should().BeTrue();
        @lock.Should().Be(new Nightjar.Recording.Retention.EvidenceLock(@lock.LockId, Lobby, T0.AddHours(-2), T0.AddHours(-1), T0.AddDays(30), "incident 42", "ops-key", T0));
        var journaled = await h.Journal.ReadEventsAsync("locks/lobby", 1, long.MaxValue, CancellationToken.None).ToListAsync();
        journaled.Should().ContainSingle().Which.Payload.Should().Be(
            new EvidenceLockAdded(Lobby, @lock.LockId, T0.AddHours(-2), T0.AddHours(-1), T0.AddDays(30), "incident 42", "ops-key", T0));
    }

    public static TheoryData<DateTimeOffset, DateTimeOffset, DateTimeOffset?, string, string> InvalidRequests => new()
    {
        { T0, T0, null, "r", "to" },
        { T0, T0.AddSeconds(-1), null, "r", "to" },
        { T0, T0.AddDays(367), null, "r", "to" },
        { T0.AddHours(-1), T0, T0, "r", "until" },
        { T0.AddHours(-1), T0, T0.AddDays(-1), "r", "until" },
        { T0.AddHours(-1), T0, null, "", "reason" },
        { T0.AddHours(-1), T0, null, "   ", "reason" },
        { T0.AddHours(-1), T0, null, new string('x', 501), "reason" },
        { T0.AddHours(-1), T0, null, "bell\u0007", "reason" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task AddAsync_InvalidRequest_NamesTheFieldAndJournalsNothing(DateTimeOffset from, DateTimeOffset to, DateTimeOffset? until, string reason, string field)
    {
        await using var h = await StartAsync();
        using var locks = new EvidenceLocks(h.Journal, h.Cameras, h.Index, h.Time);

        var result = await locks.AddAsync(Lobby, new EvidenceLockRequest(from, to, until, reason), "ops", CancellationToken.None);

        result.Status.Should().Be(LockCommandStatus.Invalid);
        result.Errors.Select(e => e.Field).Should().Contain(field);
        (await h.Journal.ReadHighestSequenceNrAsync("locks/lobby", CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public void Validate_LoneSurrogateInReason_IsAnError()
    {
        // Built here: xunit would replace the lone surrogate while serializing theory data.
        var reason = "half " + (char)0xD800 + " surrogate";

        var errors = EvidenceLocks.Validate(new EvidenceLockRequest(T0.AddHours(-1), T0, null, reason), T0);

        errors.Should().ContainSingle().Which.Field.Should().Be("reason");
    }

    [Fact]
    public async Task AddAsync_LongestRangeAndLongestReason_AreAccepted()
    {
        await using var h = await StartAsync();
        using var locks = new EvidenceLocks(h.Journal, h.Cameras, h.Index, h.Time);

        var result = await locks.AddAsync(Lobby, new EvidenceLockRequest(T0.AddDays(-366), T0, null, new string('é', 500)), "ops", CancellationToken.None);

        result.Status.Should().Be(LockCommandStatus.Ok);
    }

    [Fact]
    public async Task AddAsync_UnknownCamera_IsNotFound()
    {
        await using var h = await StartAsync();
        using var locks = new EvidenceLocks(h.Journal, h.Cameras, h.Index, h.Time);

        var result = await locks.AddAsync(new CameraId("nowhere"), Request(), "ops", CancellationToken.None);

        result.Status.Should().Be(LockCommandStatus.NotFound);
        (await h.Journal.ReadHighestSequenceNrAsync("locks/nowhere", CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task ListAsync_ExpiredLock_IsListedButNotInForce()
    {
        await using var h = await StartAsync();
        using var locks = new EvidenceLocks(h.Journal, h.Cameras, h.Index, h.Time);
        await locks.AddAsync(Lobby, Request("short", until: T0.AddHours(1)), "ops", CancellationToken.None);
        await locks.AddAsync(Lobby, Request("forever"), "ops", CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(2));

        var listed = await locks.ListAsync(Lobby, CancellationToken.None);

        listed.Should().HaveCount(2);
        listed!.Single(l => l.Reason == "short").IsInForce(h.Time.GetUtcNow()).Should().BeFalse();
        listed!.Single(l => l.Reason == "forever").IsInForce(h.Time.GetUtcNow()).Should().BeTrue();
        (await locks.ListAsync(new CameraId("nowhere"), CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task ReleaseAsync_UnknownOrAlreadyReleased_IsNotFound()
    {
        await using var h = await StartAsync();
        using var locks = new EvidenceLocks(h.Journal, h.Cameras, h.Index, h.Time);
        var added = await locks.AddAsync(Lobby, Request(), "ops", CancellationToken.None);
        var id = added.Lock!.LockId;

        (await locks.ReleaseAsync(Gate, id, "ops", CancellationToken.None)).Status.Should().Be(LockCommandStatus.NotFound, "it is lobby's lock");
        (await locks.ReleaseAsync(Lobby, id, "ops", CancellationToken.None)).Status.Should().Be(LockCommandStatus.Ok);
        (await locks.ReleaseAsync(Lobby, id, "ops", CancellationToken.None)).Status.Should().Be(LockCommandStatus.NotFound);
        (await locks.ReleaseAsync(Lobby, LockIds.New(T0), "ops", CancellationToken.None)).Status.Should().Be(LockCommandStatus.NotFound);
        (await h.Journal.ReadHighestSequenceNrAsync("locks/lobby", CancellationToken.None)).Should().Be(2);
    }

    [Fact]
    public async Task Locks_AfterRestart_AreStillThere()
    {
        await using var h = await StartAsync();
        string id;
        using (var locks = new EvidenceLocks(h.Journal, h.Cameras, h.Index, h.Time))
        {
            id = (await locks.AddAsync(Lobby, Request(), "ops", CancellationToken.None)).Lock!.LockId;
            await locks.AddAsync(Lobby, Request("second"), "ops", CancellationToken.None);
        }

        using var index = new Nightjar.Recording.Protection.ProtectionIndex(h.Journal);
        using var restarted = new EvidenceLocks(h.Journal, h.Cameras, index, h.Time);

        (await restarted.ListAsync(Lobby, CancellationToken.None)).Should().HaveCount(2);
        (await restarted.ReleaseAsync(Lobby, id, "ops", CancellationToken.None)).Status.Should().Be(LockCommandStatus.Ok);
        (await restarted.ListAsync(Lobby, CancellationToken.None)).Should().ContainSingle().Which.Reason.Should().Be("second");
    }
}
