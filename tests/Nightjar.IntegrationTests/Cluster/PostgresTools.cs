using System.Globalization;
using Nightjar.Media.Tests.TestCameras;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// The PostgreSQL 15 server binaries, run as the <c>postgres</c> user when the tests run as root (initdb refuses root),
/// as <c>./nightjar</c>'s <c>start_private_postgres</c> does.
/// </summary>
internal static class PostgresTools
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    public static string Binary(string name)
    {
        var path = Path.Combine(BinDirectory, name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"{path} is missing: the PostgreSQL restart test needs its own server (apt-get install -y postgresql-15; ./nightjar test installs it).");
    }

    public static bool RunningAsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <summary>Runs a server binary (as postgres when root); throws with its output when it fails.</summary>
    public static async Task<string> RunAsync(string name, TimeSpan timeout, params string[] arguments)
    {
        var binary = Binary(name);
        var result = RunningAsRoot
            ? await ToolRunner.RunAsync("runuser", ["-u", "postgres", "--", binary, .. arguments], timeout)
            : await ToolRunner.RunAsync(binary, arguments, timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"{name} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}"));
        }

        return result.StandardOutput;
    }

    /// <summary>Hands a directory to the postgres user (a no-op unless root).</summary>
    public static async Task GiveToPostgresAsync(string directory)
    {
        if (!RunningAsRoot)
        {
            return;
        }

        var result = await ToolRunner.RunAsync("chown", ["-R", "postgres", directory], TimeSpan.FromSeconds(30));
        result.ExitCode.Should().Be(0, $"chown postgres {directory}: {result.StandardError}");
    }
}
