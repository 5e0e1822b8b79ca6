using System.Diagnostics;
using System.Globalization;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// A PostgreSQL server of the test's own, which the test may stop and start (the shared server of the run must never
/// be restarted under other tests). initdb in a temporary directory, <c>pg_ctl start</c> on a free loopback port with
/// <c>fsync=off</c>; stopped and removed on dispose.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);
    private readonly string _directory;
    private bool _running;

    private PrivatePostgres(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres");

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogFile => Path.Combine(_directory, "server.log");

    public static async Task<PrivatePostgres> StartAsync()
    {
        PostgresTools.Binary("initdb");
        // Under /tmp, as ./nightjar does: the postgres user must reach it (a TMPDIR under /root would not do).
        var directory = Path.Combine("/tmp", "nightjar-cluster-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        await PostgresTools.GiveToPostgresAsync(directory);
        await PostgresTools.RunAsync("initdb", ToolTimeout, "-D", Path.Combine(directory, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale");
        var server = new PrivatePostgres(directory, FreePort.Next());
        await server.StartServerAsync();
        return server;
    }

    /// <summary>
    /// Stops the server (<c>pg_ctl stop -m {mode}</c>: <c>fast</c> rolls back and disconnects, <c>immediate</c> is a crash),
    /// keeps it down for <paramref name="downtime"/>, and starts it again on the same port. Returns the measured downtime.
    /// </summary>
    public async Task<TimeSpan> RestartAsync(string mode, TimeSpan downtime)
    {
        await PostgresTools.RunAsync("pg_ctl", ToolTimeout, "-D", DataDirectory, "-w", "-t", "60", "-m", mode, "stop");
        _running = false;
        var stopped = Stopwatch.GetTimestamp();
        await ClusterWait.ForAsync(downtime);
        await StartServerAsync();
        return Stopwatch.GetElapsedTime(stopped);
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            try
            {
                await PostgresTools.RunAsync("pg_ctl", ToolTimeout, "-D", DataDirectory, "-w", "-m", "immediate", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already gone: nothing left to stop.
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task StartServerAsync()
    {
        // fsync=off survives a server crash (the OS keeps the pages); synchronous_commit=off would not: an immediate
        // shutdown loses commits already acknowledged, which no production setting does, and the recorder rightly
        // restarts when its journal goes back in time.
        var options = string.Create(
            CultureInfo.InvariantCulture,
            $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200");
        await PostgresTools.RunAsync("pg_ctl", ToolTimeout, "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options, "start");
        _running = true;
    }
}
