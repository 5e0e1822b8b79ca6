using Nightjar.Server.Cli;
using Nightjar.Server.Configuration;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Cli;

public sealed class NodeRunCommandTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _data = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _data.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task RunAsync_StopRequested_StopsGracefullyWithSuccess()
    {
        WebApplication? app = null;
        var options = TestNode.Options(_data, configureApp: a => app = a);

        var run = NodeRunCommand.RunAsync(options, _error, CancellationToken.None);
        await Wait.UntilAsync(() => app?.Lifetime.ApplicationStarted.IsCancellationRequested == true, Deadline, "the node to start");
        app!.Lifetime.StopApplication();

        (await Wait.ForAsync(run, Deadline, "the node to stop")).Should().Be(ExitCodes.Success);
        _error.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_InvalidValueFromAComponent_FailsAtStartWithInvalidInput()
    {
        // A value set in code after the configuration pre-flight is still caught by ValidateOnStart.
        var options = TestNode.Options(_data, configure: b => b.Services.PostConfigure<HttpOptions>(o => o.Port = 70000));

        var exitCode = await Wait.ForAsync(NodeRunCommand.RunAsync(options, _error, CancellationToken.None), Deadline, "start to fail");

        exitCode.Should().Be(ExitCodes.InvalidInput);
        _error.ToString().Should().StartWith("configuration error: Http:Port: must be between 1 and 65535");
    }

    [Fact]
    public async Task RunAsync_BadConfiguration_ReturnsInvalidInputWithOneLinePerProblem()
    {
        var options = TestNode.Options(_data, settings: new Dictionary<string, string?> { ["Http:Port"] = "70000", ["Shutdown:TimeoutSeconds"] = "-1" });

        var exitCode = await NodeRunCommand.RunAsync(options, _error, CancellationToken.None);

        exitCode.Should().Be(ExitCodes.InvalidInput);
        _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo(
            "configuration error: Http:Port: must be between 1 and 65535, or 0 for a free port chosen at start (got 70000)",
            "configuration error: Shutdown:TimeoutSeconds: must be between 1 and 3600 (got -1)");
    }

    [Fact]
    public async Task RunAsync_FailingBackgroundService_ExitsWithFailure()
    {
        var options = TestNode.Options(_data, configure: b => b.Services.AddHostedService<CrashingService>());

        var exitCode = await Wait.ForAsync(NodeRunCommand.RunAsync(options, _error, CancellationToken.None), Deadline, "the node to stop after the crash");

        exitCode.Should().Be(ExitCodes.Failure);
        _error.ToString().Should().Contain("crashed on purpose");
    }

    [Fact]
    public async Task RunAsync_ComponentIgnoringTheShutdownBudget_IsAbandonedWithShutdownTimedOut()
    {
        var time = new ManualTimeProvider();
        var stuck = new StuckOnStopService();
        WebApplication? app = null;
        var options = TestNode.Options(
            _data,
            settings: new Dictionary<string, string?> { ["Shutdown:TimeoutSeconds"] = "1" },
            configure: b =>
            {
                b.Services.AddSingleton<TimeProvider>(time);
                b.Services.AddSingleton<IHostedService>(stuck);
            },
            configureApp: a => app = a);

        var run = NodeRunCommand.RunAsync(options, _error, CancellationToken.None);
        await Wait.UntilAsync(() => app?.Lifetime.ApplicationStarted.IsCancellationRequested == true, Deadline, "the node to start");
        app!.Lifetime.StopApplication();
        await Wait.UntilAsync(() => stuck.StopCalled && time.ScheduledTimerCount > 0, Deadline, "the shutdown watchdog to arm");

        time.Advance(TimeSpan.FromSeconds(1) + NodeRunCommand.ShutdownGrace);

        (await Wait.ForAsync(run, Deadline, "the watchdog to give up")).Should().Be(ExitCodes.ShutdownTimedOut);
        _error.ToString().Should().Contain("shutdown did not finish within");
        stuck.Release();
    }

    [Fact]
    public async Task RunAsync_PortAlreadyInUse_ExitsWithFailureSayingWhy()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        var options = TestNode.Options(
            _data,
            settings: new Dictionary<string, string?> { ["Http:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            useTestServer: false);

        var exitCode = await Wait.ForAsync(NodeRunCommand.RunAsync(options, _error, CancellationToken.None), Deadline, "start to fail");

        exitCode.Should().Be(ExitCodes.Failure);
        _error.ToString().Should().StartWith("error: the node could not start:").And.Contain($"127.0.0.1:{port}");
    }

    private sealed class CrashingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("crashed on purpose");
        }
    }

    private sealed class StuckOnStopService : IHostedService
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _stopCalled;

        public bool StopCalled => _stopCalled;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        // Ignores the token: the host's own ShutdownTimeout cannot end it.
        public Task StopAsync(CancellationToken cancellationToken)
        {
            _stopCalled = true;
            return _release.Task;
        }

        public void Release() => _release.TrySetResult();
    }
}
