using Nightjar.Server.Cli;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Tests.Cli;

public sealed class NightjarCliTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task Version_PrintsTheInformationalVersion()
    {
        (await RunAsync("version")).Should().Be(ExitCodes.Success);

        _output.ToString().Should().Be($"nightjar {NightjarVersion.Informational}{Environment.NewLine}");
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        (await RunAsync("--help")).Should().Be(ExitCodes.Success);

        _output.ToString().Should().Contain("node").And.Contain("version");
    }

    [Fact]
    public async Task NodeRunHelp_DescribesTheConfigOption()
    {
        (await RunAsync("node", "run", "--help")).Should().Be(ExitCodes.Success);

        _output.ToString().Should().Contain("--config <FILE>").And.Contain("NIGHTJAR__SECTION__KEY");
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("node")]
    [InlineData("node", "run", "--config")]
    [InlineData("node", "run", "--no-such-option")]
    public async Task BadCommandLine_IsAUsageError(params string[] args)
    {
        (await RunAsync(args)).Should().Be(ExitCodes.InvalidInput);

        _error.ToString().Should().NotBeEmpty();
    }

    [Fact]
    public async Task NoArguments_IsAUsageErrorWithHelp()
    {
        (await RunAsync()).Should().Be(ExitCodes.InvalidInput);

        _output.ToString().Should().Contain("Usage:");
    }

    [Theory]
    [InlineData("node", "drain", "n1", "--url", "ftp://127.0.0.1:1", "--key", "k")]
    [InlineData("node", "drain", "n1", "--url", "not a url", "--key", "k")]
    public async Task NodeDrain_BadUrl_IsAnInputErrorNamingIt(params string[] args)
    {
        (await RunAsync(args)).Should().Be(ExitCodes.InvalidInput);

        _error.ToString().Should().Contain("--url must be an http:// or https:// URL");
    }

    [Fact]
    public async Task NodeDrain_NodeUnreachable_FailsNamingTheUrl()
    {
        // Port 1 on loopback refuses at once: nothing listens there.
        (await RunAsync("node", "drain", "n1", "--url", "http://127.0.0.1:1", "--key", "some-admin-key")).Should().Be(ExitCodes.Failure);

        _error.ToString().Should().Contain("http://127.0.0.1:1").And.Contain("cannot be reached");
    }

    private Task<int> RunAsync(params string[] args) => NightjarCli.RunAsync(args, _output, _error);
}
