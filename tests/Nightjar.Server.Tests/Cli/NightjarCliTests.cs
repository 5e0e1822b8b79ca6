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

    private Task<int> RunAsync(params string[] args) => NightjarCli.RunAsync(args, _output, _error);
}
