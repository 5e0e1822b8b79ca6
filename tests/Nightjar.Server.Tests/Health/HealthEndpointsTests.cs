using System.Net;
using System.Text.Json;
using Nightjar.Server.Health;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Health;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Live_WhileRunning_Answers200()
    {
        await using var node = await TestNode.StartAsync();

        var response = await node.Client.GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"status":"live"}""");
    }

    [Fact]
    public async Task Ready_FlipsWithARegisteredCheck()
    {
        var fake = new FakeReadinessCheck("fake");
        await using var node = await TestNode.StartAsync(configure: b => b.Services.AddReadinessCheck(fake));

        var ready = await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        using (var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
        {
            body.RootElement.GetProperty("status").GetString().Should().Be("ready");
            body.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString())
                .Should().BeEquivalentTo("host", "journal", "apikeys", "retention", "fake");
        }

        fake.Ready = false;
        fake.Reason = "fake unreachable";
        var notReady = await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        notReady.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        notReady.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using (var problem = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync()))
        {
            var root = problem.RootElement;
            root.GetProperty("status").GetInt32().Should().Be(503);
            root.GetProperty("detail").GetString().Should().Be("1 of 5 readiness checks failed: fake.");
            root.GetProperty("failed").EnumerateArray().Select(e => e.GetString()).Should().Equal("fake");
            var failedCheck = root.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "fake");
            failedCheck.GetProperty("ready").GetBoolean().Should().BeFalse();
            failedCheck.GetProperty("description").GetString().Should().Be("fake unreachable");
        }

        fake.Ready = true;
        (await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_CheckThatThrows_FailsWithoutLeakingTheMessage()
    {
        var check = new ThrowingCheck();
        await using var node = await TestNode.StartAsync(configure: b => b.Services.AddReadinessCheck(check));

        var response = await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Contain("failed with InvalidOperationException (see the node log)");
        body.Should().NotContain("Password=hunter2");
    }

    [Fact]
    public async Task Ready_CheckThatHangs_FailsAtTheTimeout()
    {
        var check = new HangingCheck();
        await using var node = await TestNode.StartAsync(configure: b =>
        {
            b.Services.AddReadinessCheck(check);
            b.Services.Configure<ReadinessOptions>(o => o.CheckTimeout = TimeSpan.FromMilliseconds(50));
        });

        var response = await Wait.ForAsync(
            node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative)), TimeSpan.FromSeconds(10), "the probe to answer despite a hanging check");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("timed out after 50 ms");
    }

    [Fact]
    public async Task Live_DoesNotRunReadinessChecks()
    {
        var check = new ThrowingCheck();
        await using var node = await TestNode.StartAsync(configure: b => b.Services.AddReadinessCheck(check));

        (await node.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        check.Calls.Should().Be(0);
    }

    private sealed class ThrowingCheck : IReadinessCheck
    {
        private int _calls;

        public string Name => "throwing";

        public int Calls => Volatile.Read(ref _calls);

        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("cannot connect with Host=db;Password=hunter2");
        }
    }

    private sealed class HangingCheck : IReadinessCheck
    {
        public string Name => "hanging";

        // Ignores its token on purpose: the evaluator must not wait for it anyway.
        public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            return ReadinessResult.Ready();
        }
    }
}
