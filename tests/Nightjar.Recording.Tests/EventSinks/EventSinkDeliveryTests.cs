using System.Net;
using System.Text;
using Nightjar.Persistence;
using Nightjar.Recording.EventSinks;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.EventSinks;

/// <summary>
/// Sink workers against a real HTTP receiver on 127.0.0.1 and a real SQLite journal; backoff runs on a manual clock,
/// so "a minute down" takes milliseconds.
/// </summary>
public sealed class EventSinkDeliveryTests
{
    private const string Secret = "sink-secret-0123456789abcdef";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Deliver_ReceiverUp_PostsSignedBatchesInOrder()
    {
        await using var harness = await SinkHarness.StartAsync();
        await using var receiver = await SinkReceiver.StartNewAsync(Secret);
        var sink = await harness.CreateSinkAsync(new EventSinkRequest { Url = receiver.Url, SecretAction = EventSinkSecretAction.Set, Secret = Secret, BatchSize = 7 });

        await harness.AppendAlarmsAsync(25);

        await Poll.UntilAsync(() => receiver.AcknowledgedIds.Count >= 25, Deadline, "25 events acknowledged");
        receiver.AcknowledgedIds.Should().Equal(harness.Appended);
        receiver.Batches.Should().OnlyContain(b => b.SignatureValid && b.EventIds.Count <= 7 && b.Types.All(t => t == "camera_alarm"));
        receiver.Batches.Should().OnlyContain(b => b.Headers[EventSinkWorker.SinkHeader] == sink.Id);
        await Poll.UntilAsync(() => harness.Supervisor.Find(sink.Id)!.Status.Delivered == 25, Deadline, "the status to count 25 delivered");
        var view = harness.Supervisor.Find(sink.Id)!;
        view.Status.Position.Should().BeGreaterThanOrEqualTo(JournalOffset.Parse(harness.Appended[^1]), "past the last event (and its own acknowledgements)");
        view.LagSeconds.Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deliver_ReceiverDownForAMinuteAndNodeRestarted_EveryEventArrivesInOrderNoneMissing(bool postgres)
    {
        await using var harness = await SinkHarness.StartAsync(postgres);
        await using var receiver = await SinkReceiver.StartNewAsync(Secret);
        var sink = await harness.CreateSinkAsync(new EventSinkRequest { Url = receiver.Url, SecretAction = EventSinkSecretAction.Set, Secret = Secret, BatchSize = 10 });
        await harness.AppendAlarmsAsync(15);
        await Poll.UntilAsync(() => receiver.AcknowledgedIds.Count >= 15, Deadline, "the first 15 events");

        // Down: connection refused for a minute of (manual) time while events keep coming.
        await receiver.StopAsync();
        await harness.AppendAlarmsAsync(20);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        var down = harness.Supervisor.Find(sink.Id)!;
        down.Status.State.Should().Be(EventSinkState.Retrying);
        down.Status.ConsecutiveFailures.Should().BeGreaterThan(3, "a minute of failures with 1..8 s backoff is several attempts");
        down.Status.LastError.Should().NotBeNullOrEmpty();
        down.LagEvents.Should().BeGreaterThan(0);
        down.LagSeconds.Should().BeGreaterThan(0);

        // Nightjar restarts while the receiver is still down; more events arrive after the restart.
        await harness.RestartAsync();
        await harness.AppendAlarmsAsync(20);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1));

        await receiver.StartAsync();
        await harness.AdvanceUntilAsync(() => Distinct(receiver.AcknowledgedIds).Count >= 55, TimeSpan.FromSeconds(1), "all 55 events acknowledged");

        AssertInOrderAtLeastOnce(receiver, harness.Appended);
        receiver.Batches.Should().OnlyContain(b => b.SignatureValid);
        await Poll.UntilAsync(() => harness.Supervisor.Find(sink.Id)!.Status.State == EventSinkState.Idle, Deadline, "the sink to be idle");
        harness.Supervisor.Find(sink.Id)!.Status.Delivered.Should().BeGreaterThanOrEqualTo(55, "the count survives the restart");
    }

    [Fact]
    public async Task Deliver_TwoNodesOneDelivering_EachEventOnce_AndTheOtherTakesOverWhereItStopped()
    {
        // A cluster: the coordinator's node delivers; when the coordinator moves, the other node goes on from the last
        // acknowledged batch. A receiver never gets an event once per node.
        await using var harness = await SinkHarness.StartAsync();
        await using var receiver = await SinkReceiver.StartNewAsync(Secret);
        var sink = await harness.CreateSinkAsync(new EventSinkRequest { Url = receiver.Url, SecretAction = EventSinkSecretAction.Set, Secret = Secret, BatchSize = 5 });
        await using var other = await harness.StartAnotherNodeAsync(delivering: false);

        await harness.AppendAlarmsAsync(12);
        await Poll.UntilAsync(() => harness.Supervisor.Find(sink.Id)!.Status.Delivered == 12, Deadline, "12 events delivered and acknowledged");
        other.Supervisor.Find(sink.Id)!.Status.State.Should().Be(EventSinkState.Standby);

        await harness.Supervisor.SetDeliveringAsync(false);
        harness.Supervisor.Find(sink.Id)!.Status.State.Should().Be(EventSinkState.Standby);
        await harness.AppendAlarmsAsync(8);
        await other.Supervisor.SetDeliveringAsync(true);

        await Poll.UntilAsync(() => receiver.AcknowledgedIds.Count >= 20, Deadline, "the other node delivers the rest");
        await Poll.UntilAsync(() => other.Supervisor.Find(sink.Id)!.Status.State == EventSinkState.Idle, Deadline, "the other node to be caught up");
        receiver.AcknowledgedIds.Should().Equal(harness.Appended, "each event once, in journal order, across the switch");
        receiver.Batches.Should().OnlyContain(b => b.SignatureValid);
    }

    [Fact]
    public async Task Deliver_OneSinkDead_OtherSinkDeliversEverything()
    {
        await using var harness = await SinkHarness.StartAsync();
        await using var healthy = await SinkReceiver.StartNewAsync();
        await using var failing = await SinkReceiver.StartNewAsync();
        failing.Status = HttpStatusCode.ServiceUnavailable;
        var dead = await harness.CreateSinkAsync(new EventSinkRequest { Url = failing.Url, BatchSize = 5 });
        await harness.CreateSinkAsync(new EventSinkRequest { Url = healthy.Url, BatchSize = 5 });

        await harness.AppendAlarmsAsync(40);

        // The manual clock never moves: the dead sink sits in its first backoff while the healthy one finishes.
        await Poll.UntilAsync(() => healthy.AcknowledgedIds.Count >= 40, Deadline, "the healthy sink to receive all 40");
        healthy.AcknowledgedIds.Should().Equal(harness.Appended);
        await Poll.UntilAsync(() => harness.Supervisor.Find(dead.Id)!.Status.State == EventSinkState.Retrying, Deadline, "the dead sink to retry");
        failing.Batches.Should().HaveCount(1, "its next attempt waits for a backoff on the clock that never moved");
        harness.Supervisor.Find(dead.Id)!.Status.LastError.Should().Be("HTTP 503 Service Unavailable");
    }

    [Fact]
    public async Task Deliver_Redirect_IsNotFollowedAndCountsAsFailure()
    {
        await using var harness = await SinkHarness.StartAsync();
        await using var elsewhere = await SinkReceiver.StartNewAsync();
        await using var redirecting = await SinkReceiver.StartNewAsync();
        redirecting.Status = HttpStatusCode.TemporaryRedirect;
        redirecting.RedirectTo = elsewhere.Url;
        var sink = await harness.CreateSinkAsync(new EventSinkRequest { Url = redirecting.Url });

        await harness.AppendAlarmsAsync(1);

        await Poll.UntilAsync(() => harness.Supervisor.Find(sink.Id)!.Status.State == EventSinkState.Retrying, Deadline, "the sink to retry");
        harness.Supervisor.Find(sink.Id)!.Status.LastError.Should().Contain("307").And.Contain("redirects are not followed");
        elsewhere.Batches.Should().BeEmpty();
    }

    [Fact]
    public async Task Deliver_UrlWithCredentials_SendsBasicAuthAndNeverShowsThePassword()
    {
        await using var harness = await SinkHarness.StartAsync();
        await using var receiver = await SinkReceiver.StartNewAsync();
        const string Password = "hunter2-password";
        var url = receiver.Url.Replace("http://", "http://hook:" + Password + "@", StringComparison.Ordinal) + "?token=tok3n-value";
        var sink = await harness.CreateSinkAsync(new EventSinkRequest { Url = url, Headers = new Dictionary<string, string> { ["X-Token"] = "header-secret-value" } });
        sink.Definition.DisplayUrl.Should().NotContain(Password).And.NotContain("tok3n-value").And.Contain("hook:***@");

        await harness.AppendAlarmsAsync(1);
        await Poll.UntilAsync(() => receiver.AcknowledgedIds.Count == 1, Deadline, "the event");
        var headers = receiver.Batches[0].Headers;
        headers["Authorization"].Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hook:" + Password)));
        headers["X-Token"].Should().Be("header-secret-value");

        // Down: the connection error must not quote the URL with its secrets.
        await receiver.StopAsync();
        await harness.AppendAlarmsAsync(1);
        await Poll.UntilAsync(() => harness.Supervisor.Find(sink.Id)!.Status.LastError is not null, Deadline, "a delivery error");
        var error = harness.Supervisor.Find(sink.Id)!.Status.LastError!;
        error.Should().NotContain(Password).And.NotContain("tok3n-value").And.NotContain("header-secret-value");
    }

    [Fact]
    public async Task Deliver_OnlyFilter_SendsOnlyMatchingEvents()
    {
        await using var harness = await SinkHarness.StartAsync();
        await using var receiver = await SinkReceiver.StartNewAsync();
        await harness.CreateSinkAsync(new EventSinkRequest { Url = receiver.Url, Types = ["camera_alarm"], Cameras = ["gate"] });

        await harness.AppendAlarmsAsync(5, camera: "lobby");
        var before = harness.Appended.Count;
        await harness.AppendAlarmsAsync(3, camera: "gate");

        await Poll.UntilAsync(() => receiver.AcknowledgedIds.Count >= 3, Deadline, "the gate events");
        receiver.AcknowledgedIds.Should().Equal(harness.Appended.Skip(before));
    }

    [Fact]
    public async Task Replace_WithFromStart_ResetsThePositionAndRedeliversTheHistory()
    {
        await using var harness = await SinkHarness.StartAsync();
        await using var receiver = await SinkReceiver.StartNewAsync();
        await harness.AppendAlarmsAsync(4);
        var sink = await harness.CreateSinkAsync(new EventSinkRequest { Url = receiver.Url });
        await harness.AppendAlarmsAsync(2);
        await Poll.UntilAsync(() => receiver.AcknowledgedIds.Count >= 2, Deadline, "the events after 'now'");
        receiver.AcknowledgedIds.Should().Equal(harness.Appended.Skip(4), "\"from\": \"now\" skips the history");

        var change = await harness.Store.ReplaceAsync(sink.Id, new EventSinkRequest { Url = sink.Definition.DisplayUrl, From = "start" }, CancellationToken.None);
        change.Status.Should().Be(EventSinkChangeStatus.Ok);
        await harness.Supervisor.ReconcileAsync();

        await Poll.UntilAsync(() => receiver.AcknowledgedIds.Count >= 8, Deadline, "the whole history again");
        receiver.AcknowledgedIds.Skip(2).Should().Equal(harness.Appended);
    }

    [Fact]
    public async Task Delete_StopsDelivery()
    {
        await using var harness = await SinkHarness.StartAsync();
        await using var receiver = await SinkReceiver.StartNewAsync();
        var sink = await harness.CreateSinkAsync(new EventSinkRequest { Url = receiver.Url });
        await harness.AppendAlarmsAsync(1);
        await Poll.UntilAsync(() => receiver.AcknowledgedIds.Count == 1, Deadline, "the first event");

        (await harness.Store.DeleteAsync(sink.Id, CancellationToken.None)).Status.Should().Be(EventSinkChangeStatus.Ok);
        await harness.Supervisor.ReconcileAsync();
        await harness.AppendAlarmsAsync(3);

        harness.Supervisor.Find(sink.Id).Should().BeNull();
        harness.Supervisor.Views().Should().BeEmpty();
        receiver.Batches.Should().HaveCount(1);
    }

    private static List<string> Distinct(IReadOnlyList<string> ids) => [.. ids.Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// At least once, in order: first deliveries are exactly the journal order, and a redelivery only ever repeats a
    /// batch that was not acknowledged (so it restarts at an earlier event and runs forward again).
    /// </summary>
    private static void AssertInOrderAtLeastOnce(SinkReceiver receiver, IReadOnlyList<string> expected)
    {
        Distinct(receiver.AcknowledgedIds).Should().Equal(expected, "every event arrives, none missing, in journal order");
        var index = expected.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        foreach (var batch in receiver.Batches)
        {
            var positions = batch.EventIds.Select(id => index[id]).ToList();
            positions.Should().BeInAscendingOrder("a batch is a run of consecutive events");
            (positions[^1] - positions[0]).Should().Be(positions.Count - 1, "a batch has no gaps");
        }
    }
}
