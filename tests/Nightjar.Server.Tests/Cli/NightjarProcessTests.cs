using System.Net;
using System.Text.RegularExpressions;
using Nightjar.Server.Cli;
using Nightjar.Server.Hosting;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Cli;

/// <summary>The real built executable: exit codes, stdout/stderr and signals.</summary>
public sealed partial class NightjarProcessTests : IDisposable
{
    private const string AdminKey = "admin-key-s3cr3t-0123456789";
    private const string ClusterKey = "cluster-key-s3cr3t-0123456789";
    private const string DatabasePassword = "db-pa55word-s3cr3t";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Version_PrintsTheVersionAndExitsZero()
    {
        var (exitCode, process) = await NightjarProcess.RunAsync(_dir.Path, null, "version");
        await using var _ = process;

        exitCode.Should().Be(ExitCodes.Success, process.AllOutput);
        process.StandardOutput.Trim().Should().Be($"nightjar {NightjarVersion.Informational}");
    }

    [Fact]
    public async Task NodeRun_BadValueInConfigFile_ExitsTwoNamingTheKeyWithoutEchoingSecrets()
    {
        var config = _dir.File("bad.json", $$"""
            {
              "Http": { "Port": 70000 },
              "Auth": { "BootstrapAdminKey": "{{AdminKey}}" },
              "Cluster": { "Key": "{{ClusterKey}}" },
              "Database": { "ConnectionString": "Host=db;Username=nightjar;Password={{DatabasePassword}}" }
            }
            """);

        var (exitCode, process) = await NightjarProcess.RunAsync(_dir.Path, null, "node", "run", "--config", config);
        await using var _ = process;

        exitCode.Should().Be(ExitCodes.InvalidInput, process.AllOutput);
        process.StandardError.Trim().Should().Be(
            "configuration error: Http:Port: must be between 1 and 65535, or 0 for a free port chosen at start (got 70000)");
        process.AllOutput.Should().NotContainAny(AdminKey, ClusterKey, DatabasePassword);
    }

    [Fact]
    public async Task NodeRun_BadValueInEnvironment_ExitsTwoNamingTheKey()
    {
        var environment = new Dictionary<string, string> { ["NIGHTJAR__HTTP__PORT"] = "70000", ["NIGHTJAR__DATA__PATH"] = _dir.Path };

        var (exitCode, process) = await NightjarProcess.RunAsync(_dir.Path, environment, "node", "run");
        await using var _ = process;

        exitCode.Should().Be(ExitCodes.InvalidInput, process.AllOutput);
        process.StandardError.Should().StartWith("configuration error: Http:Port: must be between 1 and 65535");
    }

    [Fact]
    public async Task NodeRun_MalformedConfigFile_ExitsTwoNamingTheFile()
    {
        var config = _dir.File("broken.json", "{ \"Http\": { \"Port\": 8080 ");

        var (exitCode, process) = await NightjarProcess.RunAsync(_dir.Path, null, "node", "run", "--config", config);
        await using var _ = process;

        exitCode.Should().Be(ExitCodes.InvalidInput, process.AllOutput);
        process.StandardError.Should().StartWith($"configuration error: config file '{config}': is not valid JSON at line 1");
    }

    [Fact]
    public async Task NodeRun_Sigterm_ShutsDownGracefullyAndExitsZero()
    {
        var environment = new Dictionary<string, string>
        {
            ["NIGHTJAR__HTTP__PORT"] = "0",
            ["NIGHTJAR__HTTP__BINDADDRESS"] = "127.0.0.1",
            ["NIGHTJAR__DATA__PATH"] = _dir.Path,
            ["NIGHTJAR__SHUTDOWN__TIMEOUTSECONDS"] = "10",
            ["NIGHTJAR__AUTH__BOOTSTRAPADMINKEY"] = AdminKey,
            ["NIGHTJAR__CLUSTER__KEY"] = ClusterKey,
            // The real private PostgreSQL of the test run (trust auth ignores the password, which must still never be printed).
            ["NIGHTJAR__DATABASE__CONNECTIONSTRING"] = $"{TestPostgres.ConnectionString};Password={DatabasePassword}",
            ["NIGHTJAR__RTSP__PORT"] = "0",
            ["NIGHTJAR__RTSP__BINDADDRESS"] = "127.0.0.1",
            ["NIGHTJAR__RTSP__UDPRTPPORT"] = "0",
        };
        await using var node = NightjarProcess.Start(_dir.Path, environment, "node", "run");

        var listening = await node.WaitForOutputAsync(ListeningLine(), TimeSpan.FromSeconds(30));
        using (var client = new HttpClient { BaseAddress = new Uri(listening.Groups["url"].Value), Timeout = TimeSpan.FromSeconds(10) })
        {
            (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await node.TerminateAsync();
        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(10 + 15));

        exitCode.Should().Be(ExitCodes.Success, node.AllOutput);
        node.StandardOutput.Should().Contain("shutdown started (budget 10 s)").And.Contain("shutdown complete in");
        node.AllOutput.Should().NotContainAny(AdminKey, ClusterKey, DatabasePassword);
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:[1-9][0-9]*)")]
    private static partial Regex ListeningLine();
}
